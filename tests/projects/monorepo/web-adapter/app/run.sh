#!/bin/bash
exec python -m uvicorn main:app --port=$PORT
