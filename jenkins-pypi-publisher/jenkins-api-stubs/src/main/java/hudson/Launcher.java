package hudson;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

public abstract class Launcher {
    protected Launcher(TaskListener listener, VirtualChannel channel) {
    }
}
