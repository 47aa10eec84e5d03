# A lambda handler's body is its return value.
handler = lambda event, context: {"message": "pong"}  # error: [LAM008]
