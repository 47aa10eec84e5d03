module.exports.render = async () => ({ statusCode: 200, body: "<h1>Orders</h1>" });
