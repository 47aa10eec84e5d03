exports.handler = async (event) => ({ statusCode: 200, body: "<h1>Orders</h1>" });
