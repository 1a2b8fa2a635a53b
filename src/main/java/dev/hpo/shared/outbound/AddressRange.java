package dev.hpo.shared.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}) or one address, matched byte by byte. */
record AddressRange(byte[] network, int prefix) {

    /** The range written as {@code address[/prefix]} with a literal address; null when it is not one (a host name). */
    static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!looksLiteral(address)) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("hpo.webhook.allowed-hosts: bad prefix in " + text);
            }
            return new AddressRange(bytes, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("hpo.webhook.allowed-hosts: not an address or CIDR range: " + text, e);
        }
    }

    /** Digits, dots, colons and hex only: a literal address, so parsing it never asks a resolver. */
    private static boolean looksLiteral(String address) {
        return !address.isEmpty() && (address.contains(":") ? address.matches("[0-9a-fA-F:.]+")
                : address.matches("[0-9.]+"));
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
