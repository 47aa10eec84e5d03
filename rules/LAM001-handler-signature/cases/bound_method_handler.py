# A handler bound to a method of an instance is a callable lambdalint does not resolve: not reported.
class OrdersService:
    def handle(self, event, context):
        return {"statusCode": 200, "path": event.get("path")}


lambda_handler = OrdersService().handle
