# CDK: LambdaIntegration(fn, proxy=False) maps the response itself; the default proxy integration needs statusCode and body.
import aws_cdk as cdk
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_lambda as lambda_


class CatalogStack(cdk.Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        api = apigw.RestApi(self, "Catalog")
        products = api.root.add_resource("products")
        list_products = lambda_.Function(
            self, "ListProducts",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="catalog.list_products",
            code=lambda_.Code.from_asset("lambda"),
        )
        products.add_method("GET", apigw.LambdaIntegration(list_products, proxy=False))
        create_product = lambda_.Function(
            self, "CreateProduct",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="catalog.create_product",
            code=lambda_.Code.from_asset("lambda"),
        )
        products.add_method("POST", apigw.LambdaIntegration(create_product))


app = cdk.App()
CatalogStack(app, "CatalogStack")
app.synth()
