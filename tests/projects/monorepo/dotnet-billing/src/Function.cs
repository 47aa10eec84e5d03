namespace Billing;
public class Function { public string Handle(string input) => input; }
