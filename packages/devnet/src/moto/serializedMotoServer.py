"""moto's server with DynamoDB requests served one at a time.

moto runs each request on its own thread. Its TransactWriteItems snapshots the tables it touches
and, when a condition fails, puts that snapshot back, undoing whatever another thread committed
to those tables in between (real DynamoDB never loses a committed write). Serializing DynamoDB
requests removes that race; SQS, SSM and the rest stay concurrent (an SQS long poll must not hold
up everything else).

moto's TransactWriteItems also deep-copies every table it touches before it writes, to put the
copy back if the transaction fails: its cost grows with the table (over 0.5 s a transaction once
a table holds a few thousand records, where real DynamoDB's does not grow). `undo_by_item` keeps
moto's own transaction code and semantics but makes the backup the transaction's own items only:
during the call a table "copies" to itself, and if the call fails, each item it touched is put
back as it was. That is only safe with DynamoDB requests one at a time, as served here.

Two costs per request that real AWS does not have are also removed: moto's dispatcher lists its
own package directory (a listdir and an isdir per service) for every request, under its global
lock, and werkzeug writes a log line per request; the service list is read once
(`cache_service_names`) and only warnings and errors are logged.

Usage: python serializedMotoServer.py HOST PORT
"""

import copy
import logging
import os
import signal
import sys
import threading

from moto import backends
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table

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


def touched_items(backend, transact_items):
    """(table, hash, range, copy of the item or None) for each item a transaction names."""
    touched = []
    for entry in transact_items:
        for op_type, op in entry.items():
            table = backend.tables.get(op.get("TableName"))
            if table is None:
                continue
            attrs = op.get("Item") if op_type == "Put" else op.get("Key")
            if not isinstance(attrs, dict) or table.hash_key_attr not in attrs:
                continue
            hash_value = DynamoType(attrs[table.hash_key_attr])
            range_value = None
            if table.range_key_attr is not None:
                if table.range_key_attr not in attrs:
                    continue
                range_value = DynamoType(attrs[table.range_key_attr])
            try:
                current = table.get_item(hash_value, range_value)
            except Exception:
                continue
            touched.append((table, hash_value, range_value, copy.deepcopy(current)))
    return touched


def put_back(touched):
    for table, hash_value, range_value, item in reversed(touched):
        if range_value is None:
            if item is None:
                table.items.pop(hash_value, None)
            else:
                table.items[hash_value] = item
        elif item is None:
            table.items.get(hash_value, {}).pop(range_value, None)
        else:
            table.items[hash_value][range_value] = item


def undo_by_item() -> None:
    transact = DynamoDBBackend.transact_write_items

    def transact_write_items(self, transact_items):
        touched = touched_items(self, transact_items)
        Table.__deepcopy__ = lambda table, memo: table
        try:
            return transact(self, transact_items)
        except BaseException:
            put_back(touched)
            raise
        finally:
            del Table.__deepcopy__

    DynamoDBBackend.transact_write_items = transact_write_items


def cache_service_names() -> None:
    names = tuple(backends.list_of_moto_modules())
    backends.list_of_moto_modules = lambda: names


def main() -> None:
    host, port = sys.argv[1], int(sys.argv[2])
    os.environ.setdefault("MOTO_PORT", str(port))
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    signal.signal(signal.SIGINT, lambda signum, frame: sys.exit(0))
    undo_by_item()
    cache_service_names()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, port, serialize_dynamodb(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
