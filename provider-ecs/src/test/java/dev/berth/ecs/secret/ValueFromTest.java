package dev.berth.ecs.secret;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueFromTest {
    @Test
    void aPlainNameIsTheSecretsName() {
        ValueFrom v = ValueFrom.parse("DB_PASSWORD");
        assertEquals(List.of("DB_PASSWORD"), v.candidates());
        assertFalse(v.secretsManager());
        assertEquals("prod/db", ValueFrom.parse("/prod/db").name(), "an SSM name's leading slash");
    }

    @Test
    void anSsmParameterArnNamesWhatFollowsParameter() {
        assertEquals(List.of("DB_PASSWORD"), ValueFrom.parse("arn:aws:ssm:us-east-1:123456789012:parameter/DB_PASSWORD").candidates());
        assertEquals(List.of("prod/db/password"),
                ValueFrom.parse("arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password").candidates());
        assertEquals(List.of("x"), ValueFrom.parse("arn:aws-cn:ssm:cn-north-1:1:parameter/x").candidates());
    }

    @Test
    void aSecretsManagerArnMayCarryTheRandomSuffixAndATail() {
        ValueFrom plain = ValueFrom.parse("arn:aws:secretsmanager:us-east-1:123456789012:secret:DB_PASSWORD");
        assertEquals(List.of("DB_PASSWORD"), plain.candidates());
        assertTrue(plain.secretsManager());
        assertNull(plain.jsonKey());

        ValueFrom suffixed = ValueFrom.parse("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf");
        assertEquals(List.of("prod/db-AbCdEf", "prod/db"), suffixed.candidates(), "the exact name first, then without the suffix");

        ValueFrom keyed = ValueFrom.parse("arn:aws:secretsmanager:us-east-1:1:secret:creds-AbCdEf:username::");
        assertEquals("username", keyed.jsonKey());
        assertEquals("creds", keyed.name());
        assertEquals("password", ValueFrom.parse("arn:aws:secretsmanager:r:1:secret:creds:password:AWSCURRENT:").jsonKey());
        assertNull(ValueFrom.parse("arn:aws:secretsmanager:r:1:secret:creds:::").jsonKey());
    }

    @Test
    void otherVersionsThanTheCurrentOneAreRefusedClearly() {
        SecretException stage = assertThrows(SecretException.class,
                () -> ValueFrom.parse("arn:aws:secretsmanager:r:1:secret:creds::AWSPREVIOUS:"));
        assertEquals("valueFrom \"arn:aws:secretsmanager:r:1:secret:creds::AWSPREVIOUS:\" asks for version stage "
                + "AWSPREVIOUS: berth keeps only the current version (AWSCURRENT) of a secret.", stage.getMessage());
        SecretException id = assertThrows(SecretException.class,
                () -> ValueFrom.parse("arn:aws:secretsmanager:r:1:secret:creds:::0123456789abcdef0123456789abcdef"));
        assertTrue(id.getMessage().contains("has no version ids"), id.getMessage());
    }

    @Test
    void malformedReferencesAreRefusedInOneSentence() {
        for (String bad : List.of("arn:aws:s3:::bucket/key", "arn:aws:ssm:r:1:document/x", "arn:aws:secretsmanager:r:1:secret:a:b",
                "arn:aws:secretsmanager:r:1:secret:", "arn:aws:ssm:r:1:parameter/", "arn:nope", "has space", "")) {
            SecretException e = assertThrows(SecretException.class, () -> ValueFrom.parse(bad), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().endsWith("."), e.getMessage());
        }
        assertEquals("Invalid valueFrom \"arn:aws:s3:::bucket/key\": berth reads secrets from Secrets Manager "
                + "(arn:aws:secretsmanager:...) and SSM parameter (arn:aws:ssm:...) ARNs, not from s3.",
                assertThrows(SecretException.class, () -> ValueFrom.parse("arn:aws:s3:::bucket/key")).getMessage());
    }
}
