# An instance of the module's class whose __call__ takes (self, event, context): the runtime's (event, context) bind after the instance, fine.
class Handler:
    def __init__(self, greeting):
        self.greeting = greeting

    def __call__(self, event, context):
        return {"message": self.greeting}


lambda_handler = Handler("hello")
