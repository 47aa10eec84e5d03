from walker import walk


def step(depth):
    return walk(depth - 1)
