import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local 2.6.1 has no option for the address it listens on: its ServerRunner builds a
 * Jetty `new Server(port)`, which binds every interface. This launcher (run by `java` as a
 * single source file, with DynamoDB Local's jars on the class path) builds the same server from
 * the same arguments, points its connector at the host given as `-Dsourcefront.host` (default
 * 127.0.0.1), and starts it.
 */
public class DynamoDbLocalOnHost {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("sourcefront.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    int bound = 0;
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector) {
        ((ServerConnector) connector).setHost(host);
        bound++;
      }
    }
    if (bound == 0) throw new IllegalStateException("DynamoDB Local has no ServerConnector to bind to " + host);
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host);
  }
}
