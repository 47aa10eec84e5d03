package orders;

public class Handler {
    public String handleRequest(Object event, Object context) { return "ok"; }
}
