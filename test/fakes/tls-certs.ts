// Throwaway certificates made with openssl at test time, in a temp dir: a self-signed server
// certificate, and a leaf signed by a private CA (an "unknown issuer" until NODE_EXTRA_CA_CERTS names
// the CA). Both are valid for 127.0.0.1, localhost and api.fake-openai.test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCerts {
  dir: string;
  selfSigned: { key: string; cert: string };
  /** A leaf signed by `caPath`'s CA. */
  caSigned: { key: string; cert: string };
  /** PEM file of the throwaway CA, for NODE_EXTRA_CA_CERTS. */
  caPath: string;
}

const SAN = 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:api.fake-openai.test';

export function makeTestCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'onboard-certs-'));
  const p = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const days = ['-days', '2'];

  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('self.key'), '-out', p('self.crt'), ...days, '-subj', '/CN=localhost', '-addext', SAN);

  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('ca.key'), '-out', p('ca.crt'), ...days, '-subj', '/CN=Throwaway Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('leaf.key'), '-out', p('leaf.csr'), '-subj', '/CN=localhost');
  writeFileSync(p('leaf.ext'), `${SAN}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl('x509', '-req', '-in', p('leaf.csr'), '-CA', p('ca.crt'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p('leaf.crt'), ...days, '-extfile', p('leaf.ext'));

  const read = (name: string) => readFileSync(p(name), 'utf8');
  return {
    dir,
    selfSigned: { key: read('self.key'), cert: read('self.crt') },
    caSigned: { key: read('leaf.key'), cert: read('leaf.crt') },
    caPath: p('ca.crt'),
  };
}
