package dev.wpuscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Downcall argument values as people read them: sockaddrs, ioctl codes, options, timeouts, versions. */
class WinsockValuesTest {

    /** The four words of a sockaddr whose first bytes are {@code bytes}. */
    private static long[] words(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).put(bytes);
        return new long[] {b.getLong(0), b.getLong(8), b.getLong(16), b.getLong(24)};
    }

    private static String text(byte[] bytes) {
        long[] w = words(bytes);
        return Sockaddr.text(w[0], w[1], w[2], w[3]);
    }

    private static byte[] ipv6(int port, int scope, int... groups) {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 23).order(ByteOrder.BIG_ENDIAN).putShort((short) port).putInt(0);
        for (int g : groups) {
            b.putShort((short) g);
        }
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(24, scope);
        return b.array();
    }

    @Test
    void ipv4WithItsPortInNetworkOrder() {
        assertEquals("127.0.0.1:8080", text(new byte[] {2, 0, 0x1F, (byte) 0x90, 127, 0, 0, 1}));
        assertEquals("192.168.10.254:65535", text(new byte[] {2, 0, (byte) 0xFF, (byte) 0xFF, (byte) 192,
            (byte) 168, 10, (byte) 254}));
    }

    @Test
    void ipv6InItsShortestFormWithTheScope() {
        assertEquals("[::1]:443", text(ipv6(443, 0, 0, 0, 0, 0, 0, 0, 0, 1)));
        assertEquals("[fe80::1%3]:80", text(ipv6(80, 3, 0xFE80, 0, 0, 0, 0, 0, 0, 1)));
        assertEquals("[2001:db8::1:0:0:1]:1", text(ipv6(1, 0, 0x2001, 0xDB8, 0, 0, 1, 0, 0, 1)));
        assertEquals("[2001:db8:0:1:1:1:1:1]:1", text(ipv6(1, 0, 0x2001, 0xDB8, 0, 1, 1, 1, 1, 1)));
        assertEquals("[::]:0", text(ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
    }

    @Test
    void otherFamiliesByNumberAndNoAddress() {
        assertEquals("family 26", text(new byte[] {26, 0, 1, 2, 3}));
        assertEquals("(none)", Sockaddr.text(0, 0, 0, 0));
    }

    @Test
    void constantsByTheirNames() {
        assertEquals("SIO_BASE_HANDLE", WinsockNames.ioctlCode(0x48000022L));
        assertEquals("SIO_BSP_HANDLE_SELECT", WinsockNames.ioctlCode(0x4800001CL));
        assertEquals("SIO_BSP_HANDLE_POLL", WinsockNames.ioctlCode(0x4800001DL));
        assertEquals("FIONBIO", WinsockNames.ioctlCode(0x8004667EL));
        assertEquals("SIO_GET_EXTENSION_FUNCTION_POINTER", WinsockNames.ioctlCode(0xC8000006L));
        assertEquals("0x12345", WinsockNames.ioctlCode(0x12345));
        assertEquals("AF_INET6", WinsockNames.addressFamily(23));
        assertEquals("SOCK_DGRAM", WinsockNames.socketType(2));
        assertEquals("IPPROTO_UDP", WinsockNames.protocol(17));
        assertEquals("0", WinsockNames.protocol(0));
        assertEquals("SOL_SOCKET", WinsockNames.optionLevel(0xFFFF));
        assertEquals("SO_RCVBUF", WinsockNames.optionName(0xFFFF, 0x1002));
        assertEquals("SO_DONTLINGER", WinsockNames.optionName(0xFFFF, 0xFFFF_FF7FL));
        assertEquals("TCP_NODELAY", WinsockNames.optionName(6, 1));
        assertEquals("0x1", WinsockNames.optionName(0, 1));
        assertEquals("SD_BOTH", WinsockNames.shutdownHow(2));
        assertEquals("2.2", WinsockNames.version(0x0202));
        assertEquals("1.1", WinsockNames.version(0x0101));
    }

    @Test
    void selectTimeoutsInTimeUnits() {
        assertEquals("infinite", WinsockNames.selectTimeout(-1));
        assertEquals("0 (poll)", WinsockNames.selectTimeout(0));
        assertEquals("2 s", WinsockNames.selectTimeout(2_000_000));
        assertEquals("250 ms", WinsockNames.selectTimeout(250_000));
        assertEquals("1500 µs", WinsockNames.selectTimeout(1_500));
    }
}
