package dev.hpo.shared.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to its addresses now (the system resolver; tests give their own names). */
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;
}
