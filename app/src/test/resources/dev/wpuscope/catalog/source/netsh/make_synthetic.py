#!/usr/bin/env python3
"""Writes the synthetic netsh test dumps of this folder (run it here to regenerate them).

They are NOT captures from real machines: one invented catalog (a Windows 10 x64 machine with an
LSP over TCP and UDP in both catalogs, and namespace providers) printed the way netsh prints it,
with labels translated by us. Labels are padded to column 36 by display width (CJK characters take
two columns), as netsh pads them, so the value column is not at a fixed character offset.
"""
import unicodedata

COLUMN = 36
MSAFD = "{E70F1AA0-AB8B-11CF-8CA3-00805F48A192}"
MSAFD6 = "{F9EAB0C0-26D4-11D0-BBBF-00AA006C34E4}"
LSP_LAYER = "{5C9B2E71-0D4A-4E3B-9A61-7F2C4D8E1A05}"
LSP_CHAIN = "{8E1F6A32-47B9-4C0D-B2E5-3A9D71C6F480}"
LSP_DLL = r"C:\Program Files\Example Filter\exlsp64.dll"
LSP_DLL32 = r"C:\Program Files\Example Filter\exlsp.dll"
MSWSOCK = r"%SystemRoot%\system32\mswsock.dll"

# (wow64, type, description, guid, path, id, family, maxlen, minlen, socktype, protocol, flags, chain)
ENTRIES = [
    (False, "chain", "Example Filter over [MSAFD Tcpip [TCP/IP]]", LSP_CHAIN, LSP_DLL, 1020, 2, 16, 16, 1, 6, 0x66, [1019, 1001]),
    (False, "chain", "Example Filter over [MSAFD Tcpip [UDP/IP]]", LSP_CHAIN, LSP_DLL, 1021, 2, 16, 16, 2, 17, 0x609, [1019, 1002]),
    (False, "base", "MSAFD Tcpip [TCP/IP]", MSAFD, MSWSOCK, 1001, 2, 16, 16, 1, 6, 0x20066, None),
    (False, "base", "MSAFD Tcpip [UDP/IP]", MSAFD, MSWSOCK, 1002, 2, 16, 16, 2, 17, 0x20609, None),
    (False, "base", "MSAFD Tcpip [TCP/IPv6]", MSAFD6, MSWSOCK, 1004, 23, 28, 28, 1, 6, 0x20066, None),
    (False, "layered", "Example Filter", LSP_LAYER, LSP_DLL, 1019, 2, 16, 16, 1, 6, 0x66, None),
    (True, "chain", "Example Filter over [MSAFD Tcpip [TCP/IP]]", LSP_CHAIN, LSP_DLL32, 1020, 2, 16, 16, 1, 6, 0x66, [1019, 1001]),
    (True, "base", "MSAFD Tcpip [TCP/IP]", MSAFD, MSWSOCK, 1001, 2, 16, 16, 1, 6, 0x20066, None),
    (True, "base", "MSAFD Tcpip [UDP/IP]", MSAFD, MSWSOCK, 1002, 2, 16, 16, 2, 17, 0x20609, None),
    (True, "layered", "Example Filter", LSP_LAYER, LSP_DLL32, 1019, 2, 16, 16, 1, 6, 0x66, None),
]
# (description, guid, namespace, active, version)
NAMESPACES = [
    ("Network Location Awareness Legacy (NLAv1) Namespace", "{6642243A-3BA8-4AA6-BAA5-2E0BD71FDD83}", 15, 1, 0),
    ("Tcpip", "{22059D40-7E9E-11CF-AE5A-00AA00A7112B}", 12, 1, 0),
    ("Example Local Names", "{0A7D63C1-52E4-4B9F-8D30-6C1E2F94B7A8}", 12, 0, 1),
]

LANGUAGES = {
    "en": dict(
        title="Winsock Catalog Provider Entry",
        labels=["Entry Type", "Description", "Provider ID", "Provider Path", "Catalog Entry ID", "Version",
                "Address Family", "Max Address Length", "Min Address Length", "Socket Type", "Protocol",
                "Service Flags", "Protocol Chain Length", "Protocol Chain"],
        types=dict(base="Base Service Provider", layered="Layered Service Provider", chain="Layered Chain Entry"),
        wow64=" (32)", colon=":",
        ns_title="Winsock Namespace Provider Entry",
        ns_labels=["Description", "Provider ID", "Name Space", "Active", "Version"]),
    "de": dict(
        title="Winsock-Katalogeintrag des Anbieters",
        labels=["Eintragstyp", "Beschreibung", "Anbieter-ID", "Anbieterpfad", "Katalogeintrags-ID", "Version",
                "Adressfamilie", "Max. Adresslänge", "Min. Adresslänge", "Sockettyp", "Protokoll",
                "Dienstkennzeichen", "Protokollkettenlänge", "Protokollkette"],
        types=dict(base="Basisdienstanbieter", layered="Mehrschichtiger Dienstanbieter",
                   chain="Mehrschichtiger Ketteneintrag"),
        wow64=" (32)", colon=":",
        ns_title="Winsock-Namespaceanbietereintrag",
        ns_labels=["Beschreibung", "Anbieter-ID", "Namespace", "Aktiv", "Version"]),
    "fr": dict(
        title="Entrée du fournisseur du catalogue Winsock",
        labels=["Type d’entrée ", "Description ", "ID du fournisseur ", "Chemin d’accès du fournisseur ",
                "ID d’entrée du catalogue ", "Version ", "Famille d’adresses ", "Longueur d’adresse max. ",
                "Longueur d’adresse min. ", "Type de socket ", "Protocole ", "Indicateurs de service ",
                "Longueur de la chaîne de protocoles ", "Chaîne de protocoles "],
        types=dict(base="Fournisseur de services de base", layered="Fournisseur de services en couche",
                   chain="Entrée de chaîne en couche"),
        wow64=" (32)", colon=":",
        ns_title="Entrée du fournisseur d’espace de noms Winsock",
        ns_labels=["Description ", "ID du fournisseur ", "Espace de noms ", "Actif ", "Version "]),
    "ja": dict(
        title="Winsock カタログ プロバイダー エントリ",
        labels=["エントリの種類", "説明", "プロバイダー ID", "プロバイダー パス", "カタログ エントリ ID", "バージョン",
                "アドレス ファミリ", "最大アドレス長", "最小アドレス長", "ソケットの種類", "プロトコル",
                "サービス フラグ", "プロトコル チェーンの長さ", "プロトコル チェーン"],
        types=dict(base="基本サービス プロバイダー", layered="階層化サービス プロバイダー",
                   chain="階層化チェーン エントリ"),
        wow64=" (32)", colon="：",
        ns_title="Winsock 名前空間プロバイダー エントリ",
        ns_labels=["説明", "プロバイダー ID", "名前空間", "アクティブ", "バージョン"]),
    "zh": dict(
        title="Winsock 目录提供程序项",
        labels=["项类型", "描述", "提供程序 ID", "提供程序路径", "目录项 ID", "版本", "地址族", "最大地址长度",
                "最小地址长度", "Socket 类型", "协议", "服务标志", "协议链长度", "协议链"],
        types=dict(base="基本服务提供程序", layered="分层服务提供程序", chain="分层链项"),
        wow64="(32)", colon=":",
        ns_title="Winsock 命名空间提供程序项",
        ns_labels=["描述", "提供程序 ID", "命名空间", "活动", "版本"]),
}


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def line(label, value, colon):
    head = label + colon
    return head + " " * max(1, COLUMN - width(head)) + value


def dump(lang):
    t = LANGUAGES[lang]
    out = ["", "C:\\WINDOWS\\system32>netsh winsock show catalog", ""]
    for wow64, kind, desc, guid, path, cid, fam, mx, mn, st, proto, flags, chain in ENTRIES:
        chain_len = {"layered": 0, "base": 1}.get(kind, len(chain or []))
        values = [t["types"][kind] + (t["wow64"] if wow64 else ""), desc, guid, path, str(cid), "2", str(fam),
                  str(mx), str(mn), str(st), str(proto), hex(flags), str(chain_len)]
        out += [t["title"], "-" * 54]
        out += [line(label, value, t["colon"]) for label, value in zip(t["labels"], values)]
        if chain:
            out.append(t["labels"][13] + t["colon"] + " " + " : ".join(str(c) for c in chain))
            out.append("")
        out.append("")
    for desc, guid, ns, active, version in NAMESPACES:
        out += [t["ns_title"], "-" * 54]
        values = [desc, guid, str(ns), str(active), str(version)]
        out += [line(label, value, t["colon"]) for label, value in zip(t["ns_labels"], values)]
        out.append("")
    return "\r\n".join(out) + "\r\n"


if __name__ == "__main__":
    # English and German as UTF-8, French as UTF-8 with BOM, Japanese and Chinese as PowerShell 5 saves: UTF-16LE + BOM
    for lang, encoding in [("en", "utf-8"), ("de", "utf-8"), ("fr", "utf-8-sig"), ("ja", "utf-16"), ("zh", "utf-16")]:
        with open(f"synthetic-{lang}.txt", "wb") as f:
            f.write(dump(lang).encode(encoding))
