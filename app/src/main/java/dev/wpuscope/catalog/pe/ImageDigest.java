package dev.wpuscope.catalog.pe;

import java.security.MessageDigest;

/**
 * The Authenticode digest of a PE image: every byte of the file except the optional header's CheckSum,
 * the certificate table's data directory entry and the certificate table itself. (This is the digest
 * signtool and osslsigncode compute for files whose sections lie in file order, as linkers write them.)
 */
final class ImageDigest {

    private ImageDigest() {
    }

    static byte[] of(PeBytes bytes, PeHeaders headers, DigestAlgorithm algorithm) {
        DataDirectory certificates = headers.directory(PeHeaders.CERTIFICATE_DIRECTORY);
        MessageDigest digest = algorithm.newDigest();
        byte[] file = bytes.array();
        long checkSum = headers.checkSumOffset();
        long entry = certificates.entryOffset();
        long tableStart = certificates.address();
        long tableEnd = tableStart + certificates.size();
        update(digest, file, 0, checkSum);
        update(digest, file, checkSum + 4, entry);
        update(digest, file, entry + 8, tableStart);
        update(digest, file, tableEnd, file.length);
        return digest.digest();
    }

    private static void update(MessageDigest digest, byte[] file, long from, long to) {
        if (to > from) {
            digest.update(file, (int) from, (int) (to - from));
        }
    }
}
