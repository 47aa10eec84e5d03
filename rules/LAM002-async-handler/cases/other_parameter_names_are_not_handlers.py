# Only event/evt/_event then context/ctx/_context/_ctx/_ make a handler of any name: events, request and websocket do not: not reported.
import asyncio


async def publish(events, context):
    await asyncio.sleep(0)
    return len(events)


async def serve(request, context):
    await asyncio.sleep(0)
    return {"path": request.path}


async def websocket_handler(websocket, context):
    await asyncio.sleep(0)
    return websocket.id
