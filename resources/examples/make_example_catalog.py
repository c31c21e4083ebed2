#!/usr/bin/env python3
"""Writes example-catalog.reg: a synthetic Winsock 2 catalog the wpuscope project authored itself.

It has the shape of a real `reg export` of HKLM\\...\\WinSock2\\Parameters (UTF-16LE with BOM,
CRLF, 80-column hex continuation lines) but every LSP in it is invented:
  * base providers: MSAFD Tcpip TCP/UDP/RAW over IPv4 and IPv6 (64-bit and 32-bit catalogs);
  * "Contoso Web Filter", an LSP layered over TCP/IP, UDP/IP and TCP/IPv6 in both catalogs;
  * "Fabrikam Traffic Shaper", a second LSP stacked on Contoso's TCP/IP chain (chain length 3),
    installed in the 64-bit catalog only;
  * a broken chain: "Northwind VPN Helper over [MSAFD Tcpip [UDP/IPv6]]" whose layered entry
    (id 1040) was removed by an incomplete uninstall;
  * namespace providers (one of them disabled) and one AppId_Catalog rule.
Standard library only. Run: python3 make_example_catalog.py  (rewrites the file next to it).
"""
import os
import struct
import uuid

ROOT = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\WinSock2\Parameters"

TCP_FLAGS = 0x20066   # GUARANTEED_DELIVERY|GUARANTEED_ORDER|GRACEFUL_CLOSE|EXPEDITED_DATA|IFS_HANDLES
UDP_FLAGS = 0x20609   # CONNECTIONLESS|MESSAGE_ORIENTED|SUPPORT_BROADCAST|SUPPORT_MULTIPOINT|IFS_HANDLES
RAW_FLAGS = 0x20609
LSP_STREAM_FLAGS = TCP_FLAGS & ~0x20000   # layered providers here are non-IFS
LSP_DGRAM_FLAGS = UDP_FLAGS & ~0x20000
PFL_MATCHES_PROTOCOL_ZERO = 0x8
PFL_HIDDEN = 0x4

TCPIP_GUID = uuid.UUID("e70f1aa0-ab8b-11cf-8ca3-00805f48a192")
TCPIP6_GUID = uuid.UUID("f9eab0c0-26d4-11d0-bbbf-00aa006c34e4")
CONTOSO_GUID = uuid.UUID("6c0e4a1b-93f2-4d57-a8c1-2f5b7e90d3a4")
FABRIKAM_GUID = uuid.UUID("b2d97f30-5e18-4c6a-9e47-0a83c1f6e25d")
NORTHWIND_GUID = uuid.UUID("47a1e9c5-08bd-4f3e-b6d2-91c7a5e08f16")

MSWSOCK = r"%SystemRoot%\system32\mswsock.dll"
CONTOSO_DLL = r"%ProgramFiles%\Contoso\WebFilter\cwflsp.dll"
CONTOSO_DLL32 = r"%ProgramFiles(x86)%\Contoso\WebFilter\cwflsp32.dll"
FABRIKAM_DLL = r"%ProgramFiles%\Fabrikam\Shaper\fbshaper.dll"
NORTHWIND_DLL = r"%ProgramFiles%\Northwind\VPN\nwvpnlsp.dll"

AF_INET, AF_INET6 = 2, 23
SOCK_STREAM, SOCK_DGRAM, SOCK_RAW = 1, 2, 3


def base(entry_id, name, family, socktype, proto, flags, guid, max_offset=0, msg_size=0):
    addr = 16 if family == AF_INET else 28
    return dict(id=entry_id, name=name, family=family, socktype=socktype, proto=proto, flags1=flags,
                pflags=PFL_MATCHES_PROTOCOL_ZERO if socktype == SOCK_STREAM else 0, guid=guid, chain=[0],
                dll=MSWSOCK, addr=addr, max_offset=max_offset, msg_size=msg_size)


def layered(entry_id, name, guid, dll):
    return dict(id=entry_id, name=name, family=AF_INET, socktype=SOCK_STREAM, proto=6, flags1=LSP_STREAM_FLAGS,
                pflags=PFL_HIDDEN, guid=guid, chain=[], dll=dll, addr=16, max_offset=0, msg_size=0)


def chain(entry_id, lsp_name, guid, dll, ids, below):
    flags = LSP_DGRAM_FLAGS if below["socktype"] == SOCK_DGRAM else LSP_STREAM_FLAGS
    return dict(below, id=entry_id, name=f"{lsp_name} over [{below['name']}]", flags1=flags,
                pflags=below["pflags"], guid=guid, chain=ids, dll=dll)


def catalog(bitness):
    tcp = base(1001, "MSAFD Tcpip [TCP/IP]", AF_INET, SOCK_STREAM, 6, TCP_FLAGS, TCPIP_GUID)
    udp = base(1002, "MSAFD Tcpip [UDP/IP]", AF_INET, SOCK_DGRAM, 17, UDP_FLAGS, TCPIP_GUID, msg_size=65467)
    tcp6 = base(1003, "MSAFD Tcpip [TCP/IPv6]", AF_INET6, SOCK_STREAM, 6, TCP_FLAGS, TCPIP6_GUID)
    udp6 = base(1004, "MSAFD Tcpip [UDP/IPv6]", AF_INET6, SOCK_DGRAM, 17, UDP_FLAGS, TCPIP6_GUID,
                msg_size=65467)
    raw = base(1005, "MSAFD Tcpip [RAW/IP]", AF_INET, SOCK_RAW, 0, RAW_FLAGS, TCPIP_GUID, 255, 32768)
    raw6 = base(1006, "MSAFD Tcpip [RAW/IPv6]", AF_INET6, SOCK_RAW, 0, RAW_FLAGS, TCPIP6_GUID, 255, 32768)
    contoso_dll = CONTOSO_DLL if bitness == 64 else CONTOSO_DLL32
    contoso = layered(1020, "Contoso Web Filter", CONTOSO_GUID, contoso_dll)
    entries = []
    if bitness == 64:
        fabrikam = layered(1030, "Fabrikam Traffic Shaper", FABRIKAM_GUID, FABRIKAM_DLL)
        entries.append(chain(1031, "Fabrikam Traffic Shaper", FABRIKAM_GUID, FABRIKAM_DLL,
                             [1030, 1020, 1001], dict(tcp, name="Contoso Web Filter over [MSAFD Tcpip [TCP/IP]]")))
        # The broken chain: its layered entry 1040 is gone.
        entries.append(chain(1041, "Northwind VPN Helper", NORTHWIND_GUID, NORTHWIND_DLL, [1040, 1004], udp6))
    entries += [
        chain(1021, "Contoso Web Filter", CONTOSO_GUID, contoso_dll, [1020, 1001], tcp),
        chain(1022, "Contoso Web Filter", CONTOSO_GUID, contoso_dll, [1020, 1002], udp),
        chain(1023, "Contoso Web Filter", CONTOSO_GUID, contoso_dll, [1020, 1003], tcp6),
        tcp, udp, tcp6, udp6, raw, raw6, contoso,
    ]
    if bitness == 64:
        entries.append(fabrikam)
    return entries


def protocol_info(e):
    chain_ids = e["chain"]
    chain_len = len(chain_ids)
    slots = (chain_ids + [0] * 7)[:7]
    name = e["name"].encode("utf-16-le")
    body = struct.pack("<5I", e["flags1"], 0, 0, 0, e["pflags"])
    body += e["guid"].bytes_le
    body += struct.pack("<I", e["id"])
    body += struct.pack("<i7I", chain_len, *slots)
    body += struct.pack("<9i2I", 2, e["family"], e["addr"], e["addr"], e["socktype"], e["proto"],
                        e["max_offset"], 0, 0, e["msg_size"], 0)
    body += name + b"\0" * (512 - len(name))
    assert len(body) == 628, len(body)
    return body


def packed_item(e):
    path = e["dll"].encode("ascii")
    return path + b"\0" * (260 - len(path)) + protocol_info(e)


def hex_value(name, kind, data):
    """A value in regedit's layout: hex bytes, lines continued with a backslash at 80 columns."""
    prefix = f'"{name}"=hex{kind}:'
    lines, line = [], prefix
    parts = [f"{b:02x}" for b in data]
    for i, part in enumerate(parts):
        token = part + ("," if i < len(parts) - 1 else "")
        if len(line) + len(token) > 77:
            lines.append(line + "\\")
            line = "  "
        line += token
    lines.append(line)
    return lines


def sz(name, value):
    return f'"{name}"="' + value.replace("\\", "\\\\") + '"'


def dword(name, value):
    return f'"{name}"=dword:{value:08x}'


def expand_sz(name, value):
    return hex_value(name, "(2)", (value + "\0").encode("utf-16-le"))


NAMESPACES = [
    (r"%SystemRoot%\system32\napinsp.dll", "@%SystemRoot%\\system32\\napinsp.dll,-1000",
     uuid.UUID("964acba2-b2bc-40eb-8c6a-a6db40161cae"), 37, 1),
    (r"%SystemRoot%\System32\mswsock.dll", "@%SystemRoot%\\system32\\wshtcpip.dll,-60103",
     uuid.UUID("22059d40-7e9e-11cf-ae5a-00aa00a7112b"), 12, 1),
    (r"%SystemRoot%\System32\mswsock.dll", "@%SystemRoot%\\System32\\winrnr.dll,-1000",
     uuid.UUID("3b2637ee-e580-11cf-a555-00c04fd8d4ac"), 32, 1),
    (r"%ProgramFiles%\Contoso\WebFilter\cwfnsp.dll", "Contoso Safe Name Resolution",
     uuid.UUID("d8f3b6a2-4c71-4e09-93b5-6e2a0c7d18f4"), 12, 0),
]


def main():
    out = ["Windows Registry Editor Version 5.00", "",
           f"[{ROOT}]", sz("Current_NameSpace_Catalog", "NameSpace_Catalog5"),
           sz("Current_Protocol_Catalog", "Protocol_Catalog9"), "",
           f"[{ROOT}\\AppId_Catalog]", "",
           f"[{ROOT}\\AppId_Catalog\\2C69D9F1]", sz("AppFullPath", r"C:\Windows\System32\svchost.exe"),
           dword("PermittedLspCategories", 0x40000000), "",
           f"[{ROOT}\\NameSpace_Catalog5]", dword("Num_Catalog_Entries", len(NAMESPACES)),
           dword("Num_Catalog_Entries64", len(NAMESPACES)), ""]
    for key in ("Catalog_Entries", "Catalog_Entries64"):
        out += [f"[{ROOT}\\NameSpace_Catalog5\\{key}]", ""]
        for i, (lib, display, guid, ns, enabled) in enumerate(NAMESPACES, 1):
            out.append(f"[{ROOT}\\NameSpace_Catalog5\\{key}\\{i:012d}]")
            out += expand_sz("LibraryPath", lib)
            out.append(sz("DisplayString", display))
            out += hex_value("ProviderId", "", guid.bytes_le)
            out += [dword("SupportedNameSpace", ns), dword("Enabled", enabled), dword("Version", 0),
                    dword("StoresServiceClassInfo", 0), ""]
    cat32, cat64 = catalog(32), catalog(64)
    out += [f"[{ROOT}\\Protocol_Catalog9]", dword("Num_Catalog_Entries", len(cat32)),
            dword("Next_Catalog_Entry_ID", 1042), dword("Num_Catalog_Entries64", len(cat64)), ""]
    for key, entries in (("Catalog_Entries", cat32), ("Catalog_Entries64", cat64)):
        out += [f"[{ROOT}\\Protocol_Catalog9\\{key}]", ""]
        for i, e in enumerate(entries, 1):
            out.append(f"[{ROOT}\\Protocol_Catalog9\\{key}\\{i:012d}]")
            out += hex_value("PackedCatalogItem", "", packed_item(e))
            out += [sz("ProtocolName", e["name"]), ""]
    text = "\r\n".join(out) + "\r\n"
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "example-catalog.reg")
    with open(target, "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))


if __name__ == "__main__":
    main()
