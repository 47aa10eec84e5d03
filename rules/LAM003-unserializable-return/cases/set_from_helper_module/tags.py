import json


def tags_body(parameters):
    tags = {name.lower() for name in parameters}
    return json.dumps({"tags": tags})  # error: [LAM003]
