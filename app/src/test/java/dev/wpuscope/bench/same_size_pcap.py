#!/usr/bin/env python3
"""Writes a pcap of PACKETS packets whose file is exactly BYTES bytes long: the tshark side of
summary_vs_tshark.sh, the same size on disk as the wpuscope capture it is compared with.

    same_size_pcap.py <out.pcap> <packets> <bytes>

Classic pcap (libpcap 2.4, microsecond timestamps, LINKTYPE_ETHERNET): a 24-byte file header, then per
packet a 16-byte record header and the frame. The frames are TCP segments (Ethernet, IPv4, TCP, payload)
of connections between clients and a server (no port reused), 12 segments per connection, the two directions taking turns
with consistent sequence and acknowledgement numbers, as the wpuscope capture holds one socket's life per
12 calls. Frame lengths differ by at most one byte so that the file has exactly the size asked for.
"""
import struct
import sys

FILE_HEADER = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)
RECORD_HEADER = struct.Struct("<IIII")
ETH_IP_TCP = 14 + 20 + 20
SEGMENTS_PER_CONNECTION = 12
CLIENT_MAC, SERVER_MAC = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")
SERVER_IP = bytes([10, 0, 0, 2])
PORTS = 60000
SERVER_PORT = 8080
PSH_ACK = 0x18


def checksum(data):
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    total = (total >> 16) + (total & 0xFFFF)
    return ~(total + (total >> 16)) & 0xFFFF


def frame(length, connection, segment, sequences):
    client_port = 1024 + connection % PORTS
    client_ip = bytes([10, 1, connection // PORTS % 256, 1])
    to_server = segment % 2 == 0
    payload = length - ETH_IP_TCP
    src, dst = (client_ip, SERVER_IP) if to_server else (SERVER_IP, client_ip)
    ports = (client_port, SERVER_PORT) if to_server else (SERVER_PORT, client_port)
    macs = (SERVER_MAC + CLIENT_MAC) if to_server else (CLIENT_MAC + SERVER_MAC)
    mine, theirs = (0, 1) if to_server else (1, 0)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, length - 14, segment, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    tcp = struct.pack("!HHIIBBHHH", *ports, sequences[mine], sequences[theirs], 5 << 4, PSH_ACK, 65535, 0, 0)
    sequences[mine] = (sequences[mine] + payload) & 0xFFFFFFFF
    return macs + b"\x08\x00" + ip + tcp + bytes(payload)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    out, packets, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    frames = size - len(FILE_HEADER) - RECORD_HEADER.size * packets
    base, longer = divmod(frames, packets)
    if base < ETH_IP_TCP:
        sys.exit(f"{size} bytes leave {base} bytes per frame, less than the {ETH_IP_TCP} of its headers")
    with open(out, "wb") as f:
        f.write(FILE_HEADER)
        sequences = [0, 0]
        for i in range(packets):
            connection, segment = divmod(i, SEGMENTS_PER_CONNECTION)
            if segment == 0:
                sequences = [connection * 7919 & 0xFFFFFFFF, connection * 104729 & 0xFFFFFFFF]
            length = base + (1 if i < longer else 0)
            micros = i * 10
            f.write(RECORD_HEADER.pack(1_700_000_000 + micros // 1_000_000, micros % 1_000_000, length, length))
            f.write(frame(length, connection, segment, sequences))


if __name__ == "__main__":
    main()
