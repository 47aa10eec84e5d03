async def run(event, context):
    return {"done": True}
