package org.assemblyhub.engine;

import io.vertx.core.Future;

/**
 * Which assemblies this node runs. A single node runs every journal it has ({@link #SOLE}); a node of a cluster runs
 * those whose ownership it holds, which the cluster gives it through {@link AssemblyRegistry#open}.
 */
public interface Placement {
    /** Whether the registry starts an engine for every journal at start. */
    boolean opensEveryJournal();

    /** Takes a new assembly for this node before it is created; fails when another node already holds it. */
    Future<Tenure> admit(String assemblyId);

    /** A new assembly that could not be created is given up. */
    void release(String assemblyId);

    Placement SOLE = new Placement() {
        @Override
        public boolean opensEveryJournal() {
            return true;
        }

        @Override
        public Future<Tenure> admit(String assemblyId) {
            return Future.succeededFuture(Tenure.SOLE);
        }

        @Override
        public void release(String assemblyId) {}
    };
}
