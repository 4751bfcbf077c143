package backproplab.runtime;

/** What ND4J ran on: backend name, native platform, BLAS vendor, thread count and default data type. */
public record BackendInfo(String backend, String platform, String blasVendor, int threads, String dataType) {

    @Override
    public String toString() {
        return "ND4J backend " + backend + " (" + platform + "), BLAS " + blasVendor + ", "
                + threads + (threads == 1 ? " thread" : " threads") + ", data type " + dataType;
    }
}
