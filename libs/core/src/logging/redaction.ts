/** Keys whose values are personal data or secrets; never written to a log line. */
const SECRET_KEYS = [
  'nik',
  'noKk',
  'no_kk',
  'alamat',
  'address',
  'birthPlace',
  'password',
  'passwordHash',
  'accessToken',
  'refreshToken',
  'token',
];

/**
 * pino redaction paths. `name` is redacted only inside payload-like objects (a top-level
 * `err.name` is the error class and must stay readable). Database errors carry the offending
 * values in `detail`, `parameters` and `query`, so those go too.
 */
export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  ...['body', 'data', 'dto', 'row', 'person', 'beneficiary', 'user'].flatMap((c) => [
    `${c}.name`,
    `*.${c}.name`,
  ]),
  'err.detail',
  'err.parameters',
  'err.query',
  'err.driverError',
  'err.parent',
];
