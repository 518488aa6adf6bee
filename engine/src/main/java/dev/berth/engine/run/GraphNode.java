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
    }

    record Output(String name) implements GraphNode {
        @Override
        public String toString() {
            return "output." + name;
        }
    }
}
