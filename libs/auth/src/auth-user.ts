import { Role } from './role';
import { WilayahScope } from './wilayah-scope';

/** The authenticated caller, as the guard puts it on the request. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  wilayahKode: string | null;
  scope: WilayahScope;
}

/** Claims of an access token. */
export interface AccessTokenClaims {
  sub: string;
  usr: string;
  role: Role;
  wil: string | null;
}
