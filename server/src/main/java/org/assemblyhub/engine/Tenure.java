package org.assemblyhub.engine;

/**
 * This node's hold on one assembly. On a single node it is held for good ({@link #SOLE}); in a cluster it is an
 * ownership lease, and an engine whose hold lapsed — it could not renew in time — acknowledges nothing more: another
 * node may be taking the assembly over.
 */
public interface Tenure {
    /** True while this node may still decide and acknowledge commands of the assembly. */
    boolean current();

    /** The journal refused an append because a newer owner claimed it: this node lost the assembly. */
    void fenced();

    Tenure SOLE = new Tenure() {
        @Override
        public boolean current() {
            return true;
        }

        @Override
        public void fenced() {}
    };
}
