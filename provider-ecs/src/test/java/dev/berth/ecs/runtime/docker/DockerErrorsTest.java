package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ecs.runtime.RuntimeFailure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DockerErrorsTest {
    private final DockerErrors errors = new DockerErrors(DockerConnection.open("unix:///tmp/engine.sock"));

    @Test
    void unwrapsDockerdMessageFromDockerJavaFormat() {
        var e = new NotFoundException("Status 404: {\"message\":\"No such image: foo:1\"}\n");
        assertEquals("No such image: foo:1", DockerErrors.reason(e));
        RuntimeFailure f = errors.translate(e, "inspect image \"foo:1\"");
        assertEquals("The Docker engine at unix:///tmp/engine.sock refused to inspect image \"foo:1\": "
                + "No such image: foo:1.", f.getMessage());
    }

    @Test
    void recognisesBothKindsOfPortConflict() {
        var docker = new InternalServerErrorException("Status 500: {\"message\":\"driver failed programming external "
                + "connectivity on endpoint berth-abc-web (0123): Bind for 127.0.0.1:8080 failed: port is already "
                + "allocated\"}");
        var process = new InternalServerErrorException("Status 500: {\"message\":\"driver failed programming "
                + "external connectivity on endpoint x (y): Error starting userland proxy: listen tcp4 "
                + "127.0.0.1:9090: bind: address already in use\"}");
        assertTrue(DockerErrors.isPortConflict(docker));
        assertTrue(DockerErrors.isPortConflict(process));
        assertEquals(OptionalInt.of(8080), DockerErrors.conflictingHostPort(docker));
        assertEquals(OptionalInt.of(9090), DockerErrors.conflictingHostPort(process));
        assertFalse(DockerErrors.isPortConflict(new ConflictException("Status 409: {\"message\":\"name in use\"}")));
    }

    @Test
    void transportFailuresAreUnreachable() {
        RuntimeFailure f = errors.translate(new RuntimeException(new SocketTimeoutException("Read timed out")),
                "answer a ping");
        assertInstanceOf(RuntimeFailure.Unreachable.class, f);
        assertEquals("Cannot connect to the Docker engine at unix:///tmp/engine.sock (configured); "
                + "is dockerd running?", f.getMessage());
        assertTrue(DockerErrors.isTransportFailure(new RuntimeException(new IOException("x"))));
        assertFalse(DockerErrors.isTransportFailure(new NotFoundException("Status 404")));
    }

    @Test
    void longAndEmptyReasonsStayOneShortSentence() {
        var empty = new InternalServerErrorException("");
        assertEquals("HTTP status 500", DockerErrors.reason(empty));
        String longReason = DockerErrors.reason(new InternalServerErrorException("x".repeat(1000)));
        assertTrue(longReason.length() <= 303 && longReason.endsWith("..."));
    }
}
