package io.jobemu.bench;

/** The JVM's own floor: launch to a printed line with nothing else loaded. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("ready");
    }
}
