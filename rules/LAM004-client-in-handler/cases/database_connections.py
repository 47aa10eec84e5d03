# Database connections opened in the handler or a helper it calls: one connection per invocation each.
import os

import mysql.connector
import psycopg
import psycopg2
import pymysql


def _orders(cursor_source):
    with cursor_source.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchall()


def lambda_handler(event, context):
    host = os.environ["DB_HOST"]
    mysql_rows = _orders(pymysql.connect(host=host))  # error: [LAM004]
    pg2_rows = _orders(psycopg2.connect(host=host))  # error: [LAM004]
    pg3_rows = _orders(psycopg.connect(f"host={host}"))  # error: [LAM004]
    connector_rows = _orders(mysql.connector.connect(host=host))  # error: [LAM004]
    return {"count": len(mysql_rows) + len(pg2_rows) + len(pg3_rows) + len(connector_rows)}
