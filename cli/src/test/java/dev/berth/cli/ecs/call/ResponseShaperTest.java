package dev.berth.cli.ecs.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cli.ecs.model.EcsModel;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Timestamps print as the AWS CLI v2 prints them in the local zone: the expected texts are
 * botocore's parse_timestamp(value).isoformat() of awscli 2.9.19 run with TZ set to each zone.
 */
class ResponseShaperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String iso(String zone, String wire) throws Exception {
        return new ResponseShaper(EcsModel.get(), ZoneId.of(zone)).isoFormat(JSON.readTree(wire));
    }

    @Test
    void timestampsInTheLocalZoneToTheMicrosecondAsPythonRoundsThem() throws Exception {
        assertEquals("2025-12-03T15:22:45.123000+05:30", iso("Asia/Kolkata", "1764755565.123"));
        assertEquals("2025-12-03T15:22:45+05:30", iso("Asia/Kolkata", "1764755565"));
        assertEquals("2025-12-03T15:22:45.000500+05:30", iso("Asia/Kolkata", "1764755565.0005"));
        assertEquals("2025-12-03T06:22:45.500000-03:30", iso("America/St_Johns", "1764755565.5"));
    }

    @Test
    void membersFollowTheModelsOrderAndUnknownOnesAreLeftOut() throws Exception {
        EcsModel model = EcsModel.get();
        var shaped = new ResponseShaper(model, ZoneId.of("UTC")).shape(JSON.readTree(
                "{\"cluster\":{\"status\":\"ACTIVE\",\"dockerHost\":\"x\",\"clusterName\":\"web\",\"clusterArn\":\"arn\"}}"),
                model.shape("CreateClusterResponse"));
        assertEquals("{\"cluster\":{\"clusterArn\":\"arn\",\"clusterName\":\"web\",\"status\":\"ACTIVE\"}}", shaped.toString());
    }
}
