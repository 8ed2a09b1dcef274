"""botocore oracle: for each set-up, a fresh botocore Session in an environment that is exactly the
set-up's, asked for its credentials (frozen, so deferred providers really run). Prints an
OracleReport (see types.ts); never a secret. Usage: python3 botocore-oracle.py CASES.json"""
import hashlib, json, os, socket, sys

OFF = []
_connect = socket.socket.connect
LOOPBACK = ('127.0.0.1', '::1', 'localhost')

def guarded(self, address):
    host = address[0] if isinstance(address, tuple) else 'unix'
    if host not in LOOPBACK and host != 'unix' and not str(host).startswith('127.'):
        OFF.append(str(host))
        raise OSError('oracle guard: %s is not loopback' % host)
    return _connect(self, address)

socket.socket.connect = guarded  # every HTTP connection (urllib3) goes through here

import botocore
import botocore.session

METHODS = {
    'env': 'env', 'assume-role': 'assume-role', 'assume-role-with-web-identity': 'web-identity',
    'sso': 'sso', 'shared-credentials-file': 'static', 'config-file': 'static',
    'custom-process': 'process', 'container-role': 'container', 'iam-role': 'imds',
}

def answer(case):
    os.environ.clear()
    os.environ.update(case['env'])
    del OFF[:]
    try:
        # A profile named in code (credcheck's --profile): Session(profile=...), as the CLI's --profile.
        creds = botocore.session.Session(profile=case.get('profile')).get_credentials()
        if creds is None:
            return {'name': case['name'], 'ok': False, 'error': 'NoCredentials', 'offLoopback': list(OFF)}
        frozen = creds.get_frozen_credentials()
        return {'name': case['name'], 'ok': True, 'source': METHODS.get(creds.method, creds.method),
                'accessKeyId': frozen.access_key,
                'tokenHash': hashlib.sha256(frozen.token.encode()).hexdigest()[:12] if frozen.token else None, 'offLoopback': list(OFF)}
    except Exception as e:  # the class name is the answer; messages may carry paths, never secrets
        return {'name': case['name'], 'ok': False, 'error': type(e).__name__, 'offLoopback': list(OFF)}

cases = json.load(open(sys.argv[1]))
print(json.dumps({'sdk': 'botocore', 'version': botocore.__version__, 'answers': [answer(c) for c in cases]}))
