package dev.berth.ecs.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.berth.ecs.runtime.ResolvedImage;

import java.util.List;
import java.util.Optional;

/**
 * What an image reference names on this engine now. A registry digest of the same repository
 * wins (it names the same bytes on every engine that pulled it); an image that never came from a
 * registry (built or loaded here) has none, and its content-addressed id stands for it.
 */
final class ImageDigests {
    private final DockerClient client;
    private final DockerErrors errors;

    ImageDigests(DockerClient client, DockerErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    Optional<ResolvedImage> resolve(String image) {
        InspectImageResponse r;
        try {
            r = client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw errors.translate(e, "inspect image \"" + image + "\"");
        }
        String repository = repository(image);
        List<String> repoDigests = r.getRepoDigests() == null ? List.of() : r.getRepoDigests();
        for (String rd : repoDigests) {
            int at = rd.indexOf('@');
            if (at > 0 && rd.substring(0, at).equals(repository)) return Optional.of(new ResolvedImage(rd, rd.substring(at + 1)));
        }
        return r.getId() == null ? Optional.empty() : Optional.of(new ResolvedImage(r.getId(), r.getId()));
    }

    /** "registry:5000/team/app:1.2" is repository "registry:5000/team/app"; a digest reference keeps its name part. */
    static String repository(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }
}
