/**
 * The health responder beside each node's RPC geth: `GET /health` on `healthPort` asks the local
 * geth `eth_blockNumber` and answers 200 while the head moved within `staleSeconds`, 503 when it
 * did not or geth does not answer. A load balancer health check is a GET; geth itself answers a
 * bare GET with 200 whether or not it follows the chain, so this is what makes the check mean
 * "serves a live head". Python 3 ships with Amazon Linux; nothing is installed for it.
 */
export function healthResponderScript(rpcPort: number, healthPort: number, staleSeconds = 60): string {
  return `import json, time, urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
BODY = b'{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}'
head = [-1, 0.0]
class Health(BaseHTTPRequestHandler):
    def do_GET(self):
        ok = False
        if self.path == '/health':
            try:
                req = urllib.request.Request('http://127.0.0.1:${rpcPort}', data=BODY, headers={'Content-Type': 'application/json'})
                number = int(json.load(urllib.request.urlopen(req, timeout=2))['result'], 16)
                if number != head[0]:
                    head[0], head[1] = number, time.time()
                ok = time.time() - head[1] < ${staleSeconds}
            except Exception:
                ok = False
        self.send_response(200 if ok else 503)
        self.end_headers()
        self.wfile.write(b'ok' if ok else b'stale')
    def log_message(self, *args):
        pass
HTTPServer(('0.0.0.0', ${healthPort}), Health).serve_forever()
`
}
