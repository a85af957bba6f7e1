package org.assemblyhub.assembly.access;

import io.vertx.core.json.JsonObject;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Invitations sealed for a delivery officer, so that the organisers never see the members' links (the way Belenios
 * keeps the credential authority apart from the voting server). The officer makes a key pair with
 * {@code ./hub invitations keygen}; the hub's operator gives the public key when creating the assembly; every batch
 * of new invitations is then answered as one envelope — RSA-OAEP (SHA-256) wrapping an AES-256-GCM key that encrypts
 * {@code {personId: token}} — which only {@code ./hub invitations open} with the officer's private key can read.
 * Everything here is the JDK's own cryptography.
 */
public final class SealedDelivery {
    public static final String FORMAT = "assembly-hub sealed invitations 1";
    private static final int MIN_BITS = 2048;
    private static final OAEPParameterSpec OAEP =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedDelivery() {}

    /** The officer's public key from its PEM text; refused unless it is RSA of at least 2048 bits. */
    public static PublicKey publicKey(String pem) {
        try {
            PublicKey key =
                    KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
            if (((RSAPublicKey) key).getModulus().bitLength() < MIN_BITS)
                throw new IllegalArgumentException("key too short");
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an RSA public key (PEM, at least " + MIN_BITS + " bits)", e);
        }
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an RSA private key (PKCS#8 PEM)", e);
        }
    }

    /** SHA-256 of the key's DER encoding, in hex groups of four: shown to everyone, so all know who holds the links. */
    public static String fingerprint(PublicKey key) {
        try {
            String hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
            return String.join(":", hex.substring(0, 32).split("(?<=\\G.{4})"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject seal(PublicKey officer, Map<String, String> tokens) {
        try {
            KeyGenerator aes = KeyGenerator.getInstance("AES");
            aes.init(256, RANDOM);
            SecretKey content = aes.generateKey();
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, content, new GCMParameterSpec(128, iv));
            byte[] data = gcm.doFinal(
                    new JsonObject(new LinkedHashMap<>(tokens)).encode().getBytes(StandardCharsets.UTF_8));
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, officer, OAEP);
            Base64.Encoder b64 = Base64.getEncoder();
            return new JsonObject()
                    .put("format", FORMAT)
                    .put("for", fingerprint(officer))
                    .put("key", b64.encodeToString(rsa.doFinal(content.getEncoded())))
                    .put("iv", b64.encodeToString(iv))
                    .put("data", b64.encodeToString(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tokens of an envelope, by person id. */
    public static Map<String, String> open(PrivateKey officer, JsonObject envelope) {
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.DECRYPT_MODE, officer, OAEP);
            SecretKey content = new SecretKeySpec(rsa.doFinal(b64.decode(envelope.getString("key"))), "AES");
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, content, new GCMParameterSpec(128, b64.decode(envelope.getString("iv"))));
            JsonObject tokens = new JsonObject(
                    new String(gcm.doFinal(b64.decode(envelope.getString("data"))), StandardCharsets.UTF_8));
            Map<String, String> out = new LinkedHashMap<>();
            tokens.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
            return out;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "this envelope cannot be opened with this key (another key, or it was altered)", e);
        }
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) {
        String body = pem.replace("-----BEGIN " + type + "-----", "")
                .replace("-----END " + type + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
