package hudson.model;

import java.io.IOException;

import hudson.security.AccessControlled;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
    implements AccessControlled {
    protected Run(JobT job) throws IOException {
    }

    public Result getResult() {
        throw new UnsupportedOperationException("stub");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("stub");
    }
}
