# main(event, context, table) is a handler by convention (any name taking event and context) and needs a third argument: reported.
def main(event, context, table):  # error: [LAM001]
    return {"table": table, "records": len(event.get("Records", []))}
