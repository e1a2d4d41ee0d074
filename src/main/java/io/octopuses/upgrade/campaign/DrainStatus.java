package io.octopuses.upgrade.campaign;

/** How far a server in maintenance mode has drained: its queued and executing tasks across all spaces. */
public record DrainStatus(int queued, int executing) {

    public boolean drained() {
        return queued == 0 && executing == 0;
    }

    @Override
    public String toString() {
        return queued + " queued and " + executing + " executing task(s)";
    }
}
