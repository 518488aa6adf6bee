package dev.berth.engine.run;

import dev.berth.engine.addrs.ResourceAddr;

/** A node of the configuration graph: one named object of the root module. */
public sealed interface GraphNode {
    record Variable(String name) implements GraphNode {
        @Override
        public String toString() {
            return "var." + name;
        }
    }

    record Local(String name) implements GraphNode {
        @Override
        public String toString() {
            return "local." + name;
        }
    }

    record Resource(ResourceAddr addr) implements GraphNode {
        @Override
        public String toString() {
            return addr.toString();
        }

        /** Written out, as ResourceAddr's are: the graph hashes its nodes at every step. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Resource r && addr.equals(r.addr);
        }

        @Override
        public int hashCode() {
            return addr.hashCode();
        }
    }

    record Output(String name) implements GraphNode {
        @Override
        public String toString() {
            return "output." + name;
        }
    }
}
