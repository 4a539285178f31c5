package hudson.tasks;

public interface BuildStep {
    default BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("stub");
    }
}
