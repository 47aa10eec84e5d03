# A module-level set that a method rebinds through "global": its value may change, silent.
known_ids = set()


class Cache:
    def refresh(self):
        global known_ids
        known_ids = ["a", "b"]


def lambda_handler(event, context):
    Cache().refresh()
    return {"ids": known_ids}
