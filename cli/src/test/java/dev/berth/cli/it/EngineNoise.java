package dev.berth.cli.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import java.util.UUID;

/**
 * Unrelated activity on the local engine, as a busy engine has: tagging and untagging the example
 * image under a throwaway name. Each round is two events in Docker's log, which keeps only its
 * last 256, so a few hundred rounds push every older event out of it. Talks to the engine
 * directly (not through berth's runtime, which has no reason to tag images) and removes every
 * tag it made, even when a round fails.
 */
final class EngineNoise {
    static final String IMAGE = "berth-example/busybox:latest";

    private EngineNoise() {
    }

    /** Makes {@code 2 * rounds} image events on the engine of DOCKER_HOST (or the default socket). */
    static void tagAndUntag(int rounds) throws Exception {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build();
        try (DockerClient client = DockerClientImpl.getInstance(config, http)) {
            String repository = "berth-it-noise-" + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < rounds; i++) {
                String tag = "n" + i;
                client.tagImageCmd(IMAGE, repository, tag).exec();
                try {
                    // A reference by repository:tag only removes that tag: the image stays.
                    client.removeImageCmd(repository + ":" + tag).withNoPrune(true).exec();
                } catch (NotFoundException alreadyGone) {
                    // Nothing left to clean up.
                }
            }
        }
    }
}
