package dev.berth.ecs.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceListParserTest {
    @TempDir
    Path dir;

    private static PriceListException bad(String text) {
        return assertThrows(PriceListException.class, () -> PriceListParser.parse(text, "prices.txt"));
    }

    @Test
    void readsInstanceTypesFargateRatesCommentsAndBlankLines() {
        PriceList p = PriceListParser.parse("""
                # my region
                fargate.vcpu 0.05   # per vCPU-hour
                fargate.gb   0.005

                m5.large     0.107
                """, "prices.txt");
        assertEquals(Optional.of(new BigDecimal("0.107")), p.instance("m5.large"));
        assertEquals(new FargateRates(new BigDecimal("0.05"), new BigDecimal("0.005")),
                p.fargate(TaskShape.Arch.X86_64).orElseThrow());
        assertTrue(p.fargate(TaskShape.Arch.ARM64).isEmpty(), "no ARM64 rates were given");
        assertTrue(p.instance("fargate.vcpu").isEmpty());
        assertEquals("prices.txt", p.source());
    }

    @Test
    void theBuiltInListHasTheIssuesFargatePricesAndCommonInstances() {
        PriceList p = PriceBook.builtIn().get();
        assertEquals(new FargateRates(new BigDecimal("0.04048"), new BigDecimal("0.004445")),
                p.fargate(TaskShape.Arch.X86_64).orElseThrow());
        assertEquals(new FargateRates(new BigDecimal("0.03238"), new BigDecimal("0.00356")),
                p.fargate(TaskShape.Arch.ARM64).orElseThrow());
        assertEquals(Optional.of(new BigDecimal("0.0416")), p.instance("t3.medium"));
        assertEquals(PriceBook.BUILT_IN, p.source());
    }

    @Test
    void aPriceThatIsNotANumberIsNamedWithItsLineAndColumn() {
        PriceListException e = bad("t3.micro 0.0104\nt3.small  $0.02\n");
        assertEquals(2, e.line());
        assertEquals(11, e.column());
        assertEquals("Invalid price list prices.txt:2:11: \"$0.02\" is not a price; expected US dollars per hour "
                + "as a plain decimal number, such as 0.0416.", e.summary());
        assertEquals("prices.txt, line 2:\n  2: t3.small  $0.02\n" + " ".repeat(15) + "^", e.detail());
    }

    @Test
    void aNameWithoutAPriceIsAnError() {
        PriceListException e = bad("\n\nm5.large\n");
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("has no price"), e.problem());
    }

    @Test
    void moreThanOnePriceOnALineIsAnError() {
        PriceListException e = bad("m5.large 0.096 0.1\n");
        assertEquals(16, e.column());
        assertTrue(e.problem().startsWith("unexpected \"0.1\""), e.problem());
    }

    @Test
    void aNameGivenTwiceSaysWhereItWasFirst() {
        PriceListException e = bad("m5.large 0.096\n# again\nm5.large 0.1\n");
        assertEquals(3, e.line());
        assertEquals("\"m5.large\" is already priced on line 1.", e.problem());
    }

    @Test
    void fargateRatesComeInPairsAndOnlyByTheirNames() {
        assertEquals("\"fargate.vcpu\" needs \"fargate.gb\" beside it: FARGATE bills a task by both.",
                bad("fargate.vcpu 0.04\n").problem());
        assertTrue(bad("fargate.cpu 0.04\n").problem().contains("is not a FARGATE rate"));
    }

    @Test
    void aNameWithOddCharactersIsAnError() {
        PriceListException e = bad("  t3/micro 0.01\n");
        assertEquals(3, e.column());
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        PriceListException e = assertThrows(PriceListException.class,
                () -> PriceBook.file(dir.resolve("nope.txt"), "nope.txt").get());
        assertTrue(e.summary().startsWith("Invalid price list nope.txt: there is no such file"), e.summary());
        Files.writeString(dir.resolve("ok.txt"), "t3.micro 0.01\n");
        assertEquals(Optional.of(new BigDecimal("0.01")), PriceBook.file(dir.resolve("ok.txt"), "ok.txt").get()
                .instance("t3.micro"));
    }
}
