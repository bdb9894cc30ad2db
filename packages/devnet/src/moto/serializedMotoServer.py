"""moto's server with DynamoDB requests served one at a time.

moto runs each request on its own thread. Its TransactWriteItems snapshots the tables it touches
and, when a condition fails, puts that snapshot back, undoing whatever another thread committed
to those tables in between (real DynamoDB never loses a committed write). Serializing DynamoDB
requests removes that race; SQS, SSM and the rest stay concurrent (an SQS long poll must not hold
up everything else).

Usage: python serializedMotoServer.py HOST PORT
"""

import os
import signal
import sys
import threading

from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import run_simple

DYNAMODB_TARGET = "DynamoDB_"


def serialize_dynamodb(app):
    lock = threading.Lock()

    def wrapped(environ, start_response):
        if not environ.get("HTTP_X_AMZ_TARGET", "").startswith(DYNAMODB_TARGET):
            return app(environ, start_response)
        with lock:
            # The whole response is produced under the lock: werkzeug may run the app lazily.
            return list(app(environ, start_response))

    return wrapped


def main() -> None:
    host, port = sys.argv[1], int(sys.argv[2])
    os.environ.setdefault("MOTO_PORT", str(port))
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    signal.signal(signal.SIGINT, lambda signum, frame: sys.exit(0))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, port, serialize_dynamodb(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
