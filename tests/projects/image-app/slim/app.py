print("a web server, not a Lambda handler")
