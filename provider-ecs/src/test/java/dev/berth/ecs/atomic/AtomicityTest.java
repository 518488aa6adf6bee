package dev.berth.ecs.atomic;

import dev.berth.ecs.api.ClusterCalls.CreateClusterRequest;
import dev.berth.ecs.api.ClusterCalls.CreateClusterResponse;
import dev.berth.ecs.api.ClusterCalls.ListClustersRequest;
import dev.berth.ecs.api.ClusterCalls.ListClustersResponse;
import dev.berth.ecs.api.EcsApi;
import dev.berth.ecs.api.EcsException;
import dev.berth.ecs.fake.MemoryStore;
import dev.berth.ecs.runtime.FreshListings;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicityTest {
    private final MemoryStore disk = new MemoryStore();
    private final UnitOfWorkStore store = new UnitOfWorkStore(disk);
    private final Atomicity atomicity = new Atomicity(store);

    @Test
    void aChangeThatFailsHalfWayLeavesNoRowBehind() {
        disk.put("clusters", "old", "{}");
        EcsException e = assertThrows(EcsException.class, () -> atomicity.change(() -> {
            store.put("clusters", "web", "{\"status\":\"ACTIVE\"}");
            store.delete("clusters", "old");
            assertEquals(Map.of("web", "{\"status\":\"ACTIVE\"}"), store.list("clusters"));
            throw EcsException.invalidParameter("the second half failed");
        }));
        assertEquals("the second half failed", e.getMessage());
        assertEquals(Map.of("old", "{}"), disk.list("clusters"));
        assertEquals(Map.of("old", "{}"), store.list("clusters"));
    }

    @Test
    void aBatchReadInsideAChangeSeesItsOwnWritesAndDeletes() {
        disk.put("clusters", "kept", "{}");
        disk.put("clusters", "gone", "{}");
        disk.put("clusters", "rewritten", "{\"v\":1}");
        atomicity.change(() -> {
            store.put("clusters", "rewritten", "{\"v\":2}");
            store.put("clusters", "new", "{}");
            store.delete("clusters", "gone");
            assertEquals(Map.of("kept", "{}", "rewritten", "{\"v\":2}", "new", "{}"),
                    store.getAll("clusters", List.of("kept", "gone", "rewritten", "new", "absent")));
            return null;
        });
        assertEquals(Map.of("kept", "{}", "rewritten", "{\"v\":2}", "new", "{}"),
                store.getAll("clusters", List.of("kept", "gone", "rewritten", "new", "absent")));
    }

    @Test
    void progressiveWorkIsSeenByReadsAsItGoesButNeverRunsBesideAChange() throws Exception {
        ExecutorService others = Executors.newFixedThreadPool(2);
        CountDownLatch written = new CountDownLatch(1), seen = new CountDownLatch(1);
        try {
            Future<?> rollout = others.submit(() -> atomicity.progressively(() -> {
                store.put("tasks", "t1", "RUNNING");
                written.countDown();
                try {
                    assertTrue(seen.await(5, TimeUnit.SECONDS), "a read ran while the work was in hand");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            assertTrue(written.await(5, TimeUnit.SECONDS));
            assertEquals("RUNNING", atomicity.read(() -> store.get("tasks", "t1").orElseThrow()),
                    "the write reached the store at once");
            seen.countDown();
            rollout.get(5, TimeUnit.SECONDS);
        } finally {
            others.shutdownNow();
        }
        CountDownLatch inside = new CountDownLatch(1), release = new CountDownLatch(1);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<?> change = one.submit(() -> atomicity.change(() -> {
                inside.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            long start = System.nanoTime();
            new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    // released below either way
                }
                release.countDown();
            }).start();
            atomicity.progressively(() -> null);
            assertTrue(System.nanoTime() - start >= 250_000_000L, "progressive work waited for the change to end");
            change.get(5, TimeUnit.SECONDS);
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aChangeThatReturnsWritesEverything() {
        disk.put("clusters", "old", "{}");
        atomicity.change(() -> {
            store.put("clusters", "web", "1");
            store.put("clusters", "web", "2");
            store.delete("clusters", "old");
            assertTrue(disk.get("clusters", "web").isEmpty(), "nothing reaches the store before the change ends");
            return null;
        });
        assertEquals(Map.of("web", "2"), disk.list("clusters"));
    }

    @Test
    void writesFromTheActionsWorkerThreadsBelongToTheAction() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            assertThrows(IllegalStateException.class, () -> atomicity.change(() -> {
                try {
                    workers.submit(() -> store.put("tasks", "t1", "{}")).get();
                } catch (Exception ex) {
                    throw new RuntimeException(ex);
                }
                throw new IllegalStateException("deployment failed");
            }));
        } finally {
            workers.shutdownNow();
        }
        assertTrue(disk.list("tasks").isEmpty());
    }

    @Test
    void aGuardedActionFailingLeavesTheWorldAsItWas() {
        EcsApi plane = (EcsApi) Proxy.newProxyInstance(EcsApi.class.getClassLoader(), new Class<?>[]{EcsApi.class},
                (p, m, args) -> switch (m.getName()) {
                    case "createCluster" -> {
                        CreateClusterRequest r = (CreateClusterRequest) args[0];
                        store.put("clusters", r.clusterName(), "{}");
                        if (r.clusterName().startsWith("bad")) throw EcsException.invalidParameter("bad name");
                        yield new CreateClusterResponse(null);
                    }
                    case "listClusters" -> new ListClustersResponse(List.copyOf(store.list("clusters").keySet()), null);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        EcsApi api = atomicity.guard(plane);
        api.createCluster(new CreateClusterRequest("web", null, null));
        assertThrows(EcsException.class, () -> api.createCluster(new CreateClusterRequest("bad-one", null, null)));
        assertEquals(List.of("web"), api.listClusters(new ListClustersRequest(null, null)).clusterArns());
        assertEquals(List.of("web"), List.copyOf(disk.list("clusters").keySet()));
    }

    @Test
    void aReadDuringAChangeSeesNoneOfItWithoutWaitingAndAllOfItOnceCommitted() throws Exception {
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> change = threads.submit(() -> atomicity.change(() -> {
                store.put("services", "a", "1");
                halfWritten.countDown();
                await(finish);
                store.put("services", "b", "1");
                return null;
            }));
            assertTrue(halfWritten.await(5, TimeUnit.SECONDS));
            Future<Map<String, String>> read = threads.submit(() -> atomicity.read(() -> store.list("services")));
            assertEquals(Map.of(), read.get(5, TimeUnit.SECONDS), "a read beside a change sees only what is committed");
            assertEquals(Optional.empty(), atomicity.read(() -> store.get("services", "a")));
            finish.countDown();
            change.get(5, TimeUnit.SECONDS);
            assertEquals(Map.of("a", "1", "b", "1"), atomicity.read(() -> store.list("services")));
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aCommitWaitsForTheReadInHandSoNoReadSeesHalfOfIt() throws Exception {
        CountDownLatch reading = new CountDownLatch(1), finishRead = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Map<String, String>>> read = threads.submit(() -> atomicity.read(() -> {
                Map<String, String> first = store.list("services");
                reading.countDown();
                await(finishRead);
                return List.of(first, store.list("services"));
            }));
            assertTrue(reading.await(5, TimeUnit.SECONDS));
            Future<?> change = threads.submit(() -> atomicity.change(() -> {
                store.put("services", "a", "1");
                store.put("services", "b", "1");
                return null;
            }));
            Thread.sleep(200);
            assertTrue(disk.list("services").isEmpty(), "the commit waits while a read is in hand");
            finishRead.countDown();
            assertEquals(List.of(Map.of(), Map.of()), read.get(5, TimeUnit.SECONDS));
            change.get(5, TimeUnit.SECONDS);
            assertEquals(Map.of("a", "1", "b", "1"), disk.list("services"));
        } finally {
            finishRead.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * A read waiting for an engine (here a listing that waits for the test) holds no lock a commit
     * needs: the commit lands meanwhile, and the read, whose first run straddled it, runs again and
     * answers all of the change, reusing the listing it waited for (begun after it arrived) and
     * writing nothing in the run the commit landed in.
     */
    @Test
    void aCommitLandsWhileAReadWaitsForAnEngineAndTheReadRunsAgainSeeingAllOfIt() throws Exception {
        FreshListings<String> engine = new FreshListings<>();
        AtomicInteger listings = new AtomicInteger();
        CountDownLatch listing = new CountDownLatch(1), answer = new CountDownLatch(1);
        List<Boolean> mayWrite = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Object>> read = threads.submit(() -> atomicity.read(() -> {
                Map<String, String> before = store.list("services");
                String containers = engine.list("engine", () -> {
                    listings.incrementAndGet();
                    listing.countDown();
                    await(answer);
                    return "listed";
                });
                mayWrite.add(!store.besideAChange());
                return List.of(before, containers, store.list("services"));
            }));
            assertTrue(listing.await(5, TimeUnit.SECONDS));
            Future<?> change = threads.submit(() -> atomicity.change(() -> {
                store.put("services", "a", "1");
                store.put("services", "b", "1");
                return null;
            }));
            change.get(5, TimeUnit.SECONDS);
            assertEquals(Map.of("a", "1", "b", "1"), disk.list("services"), "committed while the read waited");
            answer.countDown();
            assertEquals(List.of(Map.of("a", "1", "b", "1"), "listed", Map.of("a", "1", "b", "1")),
                    read.get(5, TimeUnit.SECONDS));
            assertEquals(1, listings.get(), "the second run is answered by the listing begun after the read arrived");
            assertEquals(List.of(false, true), mayWrite);
        } finally {
            answer.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void whatAReadWritesBesideAChangeGoesToTheStoreNotIntoTheChange() throws Exception {
        CountDownLatch inside = new CountDownLatch(1), finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try {
            Future<?> change = threads.submit(() -> atomicity.change(() -> {
                inside.countDown();
                await(finish);
                throw EcsException.invalidParameter("the change fails");
            }));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            atomicity.read(() -> {
                store.put("tasks", "t1", "STOPPED");
                return null;
            });
            finish.countDown();
            assertThrows(Exception.class, () -> change.get(5, TimeUnit.SECONDS));
            assertEquals(Optional.of("STOPPED"), disk.get("tasks", "t1"), "the failed change did not take it along");
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aReadKnowsWhenItRunsBesideAChangeSoItRecordsNothingAboutTasks() throws Exception {
        assertTrue(!atomicity.read(store::besideAChange), "no change in hand");
        CountDownLatch inside = new CountDownLatch(1), finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try {
            Future<Boolean> change = threads.submit(() -> atomicity.change(() -> {
                inside.countDown();
                await(finish);
                return store.besideAChange();
            }));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            assertTrue(atomicity.read(store::besideAChange), "a read beside the change in hand");
            finish.countDown();
            assertTrue(!change.get(5, TimeUnit.SECONDS), "the change itself is not beside one");
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void onlyDescribeAndListActionsAreReads() {
        assertTrue(Atomicity.readOnly("DescribeServices"));
        assertTrue(Atomicity.readOnly("ListTagsForResource"));
        assertTrue(!Atomicity.readOnly("UpdateContainerInstancesState"));
        assertTrue(!Atomicity.readOnly("RunTask"));
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
