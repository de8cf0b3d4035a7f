import {
  allowedTransitions,
  assertTransition,
  CASE_DOCUMENT_KINDS,
  CASE_STATUSES,
  CASE_TYPES,
  CaseFacts,
  CaseStatus,
  unmetRequirements,
} from './case-state-machine';
import { IllegalTransition, TransitionRequirementsUnmet } from './cases.errors';

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  type: 'REUNIFIKASI',
  status: 'INTERVENTION',
  familyDesaKode: '63.11.06.2001',
  documents: [...CASE_DOCUMENT_KINDS],
  relayLegs: [],
  referredTo: null,
  agencyKabupatenKode: '63.11',
  ...over,
});

describe('case state machine', () => {
  it('walks the main path REPORTED → … → CLOSED → REOPENED → ASSESSMENT for every type', () => {
    for (const type of CASE_TYPES) {
      expect(allowedTransitions(type, 'REPORTED')).toContain('ASSESSMENT');
      expect(allowedTransitions(type, 'ASSESSMENT')).toContain('INTERVENTION');
      expect(allowedTransitions(type, 'REFERRED')).toEqual(['MONITORING']);
      expect(allowedTransitions(type, 'REUNIFIED')).toEqual(['MONITORING']);
      expect(allowedTransitions(type, 'MONITORING')).toEqual(['CLOSED']);
      expect(allowedTransitions(type, 'CLOSED')).toEqual(['REOPENED']);
      expect(allowedTransitions(type, 'REOPENED')).toEqual(['ASSESSMENT']);
    }
  });

  it('lets each type end its intervention only in its own ways', () => {
    expect(allowedTransitions('REUNIFIKASI', 'INTERVENTION')).toEqual([
      'REUNIFIED',
      'REFERRED',
      'CLOSED',
    ]);
    expect(allowedTransitions('RUJUKAN', 'INTERVENTION')).toEqual(['REFERRED', 'CLOSED']);
    expect(allowedTransitions('REHABILITASI', 'INTERVENTION')).not.toContain('REUNIFIED');
    expect(allowedTransitions('AMPK', 'INTERVENTION')).toContain('MONITORING');
  });

  it('never allows skipping the assessment or staying in place', () => {
    for (const type of CASE_TYPES) {
      expect(allowedTransitions(type, 'REPORTED')).not.toContain('INTERVENTION');
      for (const status of CASE_STATUSES) {
        expect(allowedTransitions(type, status)).not.toContain(status);
      }
    }
  });

  it('refuses an illegal transition with ILLEGAL_TRANSITION and the allowed targets', () => {
    const attempt = (): void => assertTransition(facts({ status: 'REPORTED' }), 'REUNIFIED');
    expect(attempt).toThrow(IllegalTransition);
    try {
      attempt();
    } catch (err) {
      expect((err as IllegalTransition).code).toBe('ILLEGAL_TRANSITION');
      expect((err as IllegalTransition).extra.allowed).toEqual(['ASSESSMENT', 'CLOSED']);
    }
    expect(() => assertTransition(facts({ type: 'RUJUKAN' }), 'REUNIFIED')).toThrow(
      IllegalTransition,
    );
  });

  it('needs the family, their desa and the three documents before a reunifikasi is REUNIFIED', () => {
    const unmet = unmetRequirements(
      facts({ familyDesaKode: null, documents: ['IDENTITAS'] }),
      'REUNIFIED',
    );
    expect(unmet.map((u) => u.field)).toEqual([
      'family',
      'documents.SURAT_PENGANTAR_DINSOS',
      'documents.SURAT_KETERANGAN_KEPOLISIAN',
    ]);
    expect(() => assertTransition(facts({ documents: ['IDENTITAS'] }), 'REUNIFIED')).toThrow(
      TransitionRequirementsUnmet,
    );
    expect(() => assertTransition(facts(), 'REUNIFIED')).not.toThrow();
  });

  it('needs a relay leg into the family’s kabupaten when the family lives outside the agency', () => {
    const far = facts({ familyDesaKode: '35.78.01.1001' });
    expect(unmetRequirements(far, 'REUNIFIED').map((u) => u.field)).toEqual(['relayLegs']);
    const wrongLeg = facts({
      familyDesaKode: '35.78.01.1001',
      relayLegs: [{ receivingWilayahKode: '63.71' }],
    });
    expect(unmetRequirements(wrongLeg, 'REUNIFIED').map((u) => u.field)).toEqual(['relayLegs']);
    const relayed = facts({
      familyDesaKode: '35.78.01.1001',
      relayLegs: [{ receivingWilayahKode: '63.71' }, { receivingWilayahKode: '35.78' }],
    });
    expect(unmetRequirements(relayed, 'REUNIFIED')).toEqual([]);
  });

  it('asks for the institution when referring, whatever the type', () => {
    for (const type of ['REUNIFIKASI', 'RUJUKAN'] as const) {
      const from: CaseStatus = 'INTERVENTION';
      expect(unmetRequirements(facts({ type, status: from }), 'REFERRED')).toEqual([
        { field: 'referredTo', message: expect.stringContaining('institution') },
      ]);
      expect(
        unmetRequirements(facts({ type, status: from, referredTo: 'UPT Budi Luhur' }), 'REFERRED'),
      ).toEqual([]);
    }
  });

  it('asks nothing of AMPK reunification beyond the allowed move', () => {
    expect(
      unmetRequirements(facts({ type: 'AMPK', familyDesaKode: null, documents: [] }), 'REUNIFIED'),
    ).toEqual([]);
  });
});
