package backproplab.datasets;

/**
 * {@code sin} and {@code cos} exactly as numpy computes them for the points of {@code make_moons}: numpy's float64
 * {@code np.sin}/{@code np.cos} give the C library's results, which on Linux x86-64 with FMA (glibc 2.28 and later,
 * {@code __sin_fma}/{@code __cos_fma}) come from IBM's accurate-math routines. This is a step-for-step port of those
 * compiled routines, including which operations are fused multiply-adds, with glibc 2.36's 440-entry
 * {@code __sincostab}.
 *
 * <p>Why not {@link Math} or {@link StrictMath}: both differ from glibc in the last bit for some inputs, and glibc is
 * not correctly rounded either (about 0.1% of the inputs in [0, pi] differ from the correctly rounded value).
 *
 * <p>Covers |x| &lt; 105414350 (the range without glibc's multi-precision reduction); larger arguments are rejected.
 */
final class GlibcTrig {

    private GlibcTrig() {
    }

    private static final long[] SINCOS_TABLE_BITS = {
        0x0000000000000000L, 0x0000000000000000L, 0x3ff0000000000000L, 0x0000000000000000L,
        0x3f7fffeaaaaeeeefL, 0xbc1e45e2ec67b77cL, 0x3fefffc000155552L, 0x3c8f4a01a0196daeL,
        0x3f8fffaaaaeeeed5L, 0xbc02ab639a9f0777L, 0x3fefff000155549fL, 0x3c828a28a03a5ef3L,
        0x3f97ff7001033255L, 0x3bfefe2b51527336L, 0x3feffdc006bff7e6L, 0x3c8ae6dae86977bdL,
        0x3f9ffeaaaeeee86fL, 0xbc3cd406fb224ae2L, 0x3feffc00155527d3L, 0xbc83b54492d89b5bL,
        0x3fa3feb2b12d45d5L, 0x3c34ec54203d1c11L, 0x3feff9c03414a7baL, 0x3c6991f4be6c59bfL,
        0x3fa7fdc01032fba9L, 0xbc4599bdf46e997aL, 0x3feff7006bfdf99fL, 0xbc78b3b560648d5fL,
        0x3fabfc6d78586dacL, 0x3c18e4fd03dbf236L, 0x3feff3c0c8103a31L, 0x3c74856dbddc0e66L,
        0x3faffaaaeeed4edbL, 0xbc42d16d32684b69L, 0x3feff0015549f4d3L, 0x3c8328387b99426fL,
        0x3fb1fc343d808befL, 0xbc5f3d32e6f3be4fL, 0x3fefebc222a8ef9fL, 0x3c57934934f54c77L,
        0x3fb3facb12d1755bL, 0xbc5921915299468cL, 0x3fefe7034129ef6fL, 0xbc6cbf4337c96f97L,
        0x3fb5f911fd10b737L, 0xbc50184f02be9102L, 0x3fefe1c4c3c873ebL, 0xbc35a9c9057c4a02L,
        0x3fb7f701032550e4L, 0x3c3afc2d1800501aL, 0x3fefdc06bf7e6b9bL, 0x3c831902b535f8dbL,
        0x3fb9f4902d55d1f9L, 0x3c52696d7eac1dc1L, 0x3fefd5c94b43e000L, 0xbc62e768cb4f92f9L,
        0x3fbbf1b78568391dL, 0x3c5e91841dea4cc8L, 0x3fefcf0c800e99b1L, 0x3c6ea3d786d186acL,
        0x3fbdee6f16c1cce6L, 0xbc450f8e2fb71673L, 0x3fefc7d078d1bc88L, 0x3c8075d2447db685L,
        0x3fbfeaaeee86ee36L, 0xbc4afcb2bcc6f03bL, 0x3fefc015527d5bd3L, 0x3c8b68f35094efb8L,
        0x3fc0f3378ddd71d1L, 0x3c6d8468724f0f9eL, 0x3fefb7db2bfe0695L, 0x3c821dadf4f65ab1L,
        0x3fc1f0d3d7afceafL, 0xbc66ef95099769a5L, 0x3fefaf22263c4bd3L, 0xbc552ace133a2769L,
        0x3fc2ee285e4ab88fL, 0xbc6e4d0f05dee058L, 0x3fefa5ea641c36f2L, 0x3c404da6ed17cc7cL,
        0x3fc3eb312c5d66cbL, 0x3c647d666b66cb91L, 0x3fef9c340a7cc428L, 0x3c8c5b6b063b7462L,
        0x3fc4e7ea4dc5f27bL, 0x3c5949db2ac072fcL, 0x3fef91ff40374d01L, 0xbc67d03f4d3a9e4cL,
        0x3fc5e44fcfa126f3L, 0xbc66f443063f89b6L, 0x3fef874c2e1eecf6L, 0xbc8c6514e1332b16L,
        0x3fc6e05dc05a4d4cL, 0xbbd32c5c8b81c940L, 0x3fef7c1afeffde24L, 0xbc78f55bc47540b1L,
        0x3fc7dc102fbaf2b5L, 0x3c45ab50e23c97c3L, 0x3fef706bdf9ece1cL, 0xbc8698c80c36dcb4L,
        0x3fc8d7632efaa944L, 0xbc620fa262cbb953L, 0x3fef643efeb82acdL, 0x3c76b00ac1fe28acL,
        0x3fc9d252d0cec312L, 0x3c59c43d80b1137dL, 0x3fef57948cff6797L, 0x3c6e3a0d3e03b1d5L,
        0x3fcaccdb297a0765L, 0xbc59883b57d6cdebL, 0x3fef4a6cbd1e3a79L, 0x3c813df0edaebb57L,
        0x3fcbc6f84edc6199L, 0x3c69c1a56a7b0cabL, 0x3fef3cc7c3b3d16eL, 0xbc621a3ad28a3494L,
        0x3fccc0a6588289a3L, 0xbc6868d09bc87c6bL, 0x3fef2ea5d753ffedL, 0x3c8cc4215f56d583L,
        0x3fcdb9e15fb5a5d0L, 0xbc632e20d6cc6fc2L, 0x3fef20073086649fL, 0x3c7b940416c1984bL,
        0x3fceb2a57f8ae5a3L, 0xbc60be06af572cebL, 0x3fef10ec09c5873bL, 0x3c8d9072762c1283L,
        0x3fcfaaeed4f31577L, 0xbc615d88508e32b8L, 0x3fef01549f7deea1L, 0x3c8d3c1e99e5cafdL,
        0x3fd0515cbf65155cL, 0xbc79b8c29dfd8ec8L, 0x3feef141300d2f26L, 0xbc82aa1b08ded372L,
        0x3fd0cd00cef36436L, 0xbc79fb0a0c93e2b5L, 0x3feee0b1fbc0f11cL, 0xbc4bfd2380bbc3b1L,
        0x3fd14861aa94ddebL, 0xbc6be881b5b615a4L, 0x3feecfa744d5efa1L, 0xbc556d0a4af541d0L,
        0x3fd1c37d64c6b876L, 0x3c746076fe0dcff5L, 0x3feebe214f76efa8L, 0xbc802f9f12ba543eL,
        0x3fd23e52111aaf36L, 0xbc74f080334eff18L, 0x3feeac2061bbaf4fL, 0x3c62c1d53e94658dL,
        0x3fd2b8ddc43eb49fL, 0x3c61553899f2d807L, 0x3fee99a4c3a7cd83L, 0xbc82264b1bc53ce8L,
        0x3fd3331e94049f87L, 0x3c7e0cb6b40c302cL, 0x3fee86aebf29a9edL, 0x3c89397afdbb58a7L,
        0x3fd3ad129769d3d8L, 0x3c003d5504878398L, 0x3fee733ea0193d40L, 0xbc86428b3546ce13L,
        0x3fd426b7e69ee697L, 0xbc7f09c75705c59fL, 0x3fee5f54b436e9d0L, 0x3c87eb0fd02fc8bcL,
        0x3fd4a00c9b0f3d20L, 0x3c7823ba6bb08eadL, 0x3fee4af14b2a449cL, 0xbc868ca02e8a6833L,
        0x3fd5190ecf68a77aL, 0x3c7b357155eef0f3L, 0x3fee3614b680d6a5L, 0xbc727793aa015237L,
        0x3fd591bc9fa2f597L, 0x3c67c74bac3fe0cbL, 0x3fee20bf49acd6c1L, 0xbc5660aec7ef636cL,
        0x3fd60a1429078775L, 0x3c5b1fd80ba89133L, 0x3fee0af15a03dbceL, 0x3c5fe8e702771ae6L,
        0x3fd682138a38d7f7L, 0xbc7d889202444aadL, 0x3fedf4ab3ebd875eL, 0xbc8e2d8a7e6736c4L,
        0x3fd6f9b8e33a0255L, 0x3c742bc14ee9da0dL, 0x3feddded50f228d6L, 0xbc6e80c8d42ba2bfL,
        0x3fd7710255764214L, 0xbc66ead7314bb6ceL, 0x3fedc6b7eb995912L, 0x3c54b364776dcd35L,
        0x3fd7e7ee03c86d4eL, 0xbc7b63bcdabf5af2L, 0x3fedaf0b6b888e83L, 0x3c8a249e2b5e5ceaL,
        0x3fd85e7a12826949L, 0x3c78a40e9b5face0L, 0x3fed96e82f71a9dcL, 0x3c8ff61bd5d2039dL,
        0x3fd8d4a4a774992fL, 0x3c744a02ea766326L, 0x3fed7e4e97e17b4aL, 0xbc63b770352bed94L,
        0x3fd94a6be9f546c5L, 0xbc769ce13e683f58L, 0x3fed653f073e4040L, 0xbc876236434bec37L,
        0x3fd9bfce02e80510L, 0x3c709e39a320b0a4L, 0x3fed4bb9e1c619e0L, 0x3c8f34bb77858f61L,
        0x3fda34c91cc50ccaL, 0xbc5a310e3b50cecdL, 0x3fed31bf8d8d7c06L, 0x3c7e60dd3089cbddL,
        0x3fdaa95b63a09277L, 0xbc66293eb13c0381L, 0x3fed1750727d94f0L, 0x3c80d52b1ec1a48eL,
        0x3fdb1d8305321617L, 0xbc7ae242cb99f519L, 0x3fecfc6cfa52ad9fL, 0x3c88b5b5508f2a0dL,
        0x3fdb913e30dbac43L, 0xbc7e38ad2f6c3ff1L, 0x3fece115909a82e5L, 0x3c81f139bb31109aL,
        0x3fdc048b17b140a3L, 0x3c619fe6757e9fa7L, 0x3fecc54aa2b2972eL, 0x3c64ee162ba83a98L,
        0x3fdc7767ec7fd19eL, 0xbc5eb14d1a3d5826L, 0x3feca90c9fc67d0bL, 0xbc646a81485e3462L,
        0x3fdce9d2e3d4a51fL, 0xbc62fc8a12dae298L, 0x3fec8c5bf8ce1a84L, 0x3c7ab3d1a1590123L,
        0x3fdd5bca34047661L, 0x3c728a44a75fc29cL, 0x3fec6f39208be53bL, 0xbc8741dbfbaadb42L,
        0x3fddcd4c15329c9aL, 0x3c70d4c6e171fd9aL, 0x3fec51a48b8b175eL, 0xbc61bbb43b9aa880L,
        0x3fde3e56c1582a69L, 0xbc50a4821099f88fL, 0x3fec339eb01ddd81L, 0xbc8caaf5ee82c5c0L,
        0x3fdeaee8744b05f0L, 0xbc5789b43c9b027dL, 0x3fec1528065b7d50L, 0xbc8892111312e828L,
        0x3fdf1eff6bc4f97bL, 0x3c717212f8a7525cL, 0x3febf641081e7536L, 0x3c8b7bd71628a9a1L,
        0x3fdf8e99e76abc97L, 0x3c59d950af2d00a3L, 0x3febd6ea310294f5L, 0x3c731bbcc88c109dL,
        0x3fdffdb628d2f57aL, 0x3c6f4a992e905b6aL, 0x3febb723fe630f32L, 0x3c772bd2452d0a39L,
        0x3fe0362939c69955L, 0xbc82d8cd78397b01L, 0x3feb96eeef58840eL, 0x3c545a3cc78fade0L,
        0x3fe06d3686946e5bL, 0x3c83f5ae4538ff1bL, 0x3feb764b84b704c2L, 0xbc8f5848c21b389bL,
        0x3fe0a4021e9e1001L, 0xbc86f643a13914f6L, 0x3feb553a410c104eL, 0x3c58ff7947027a16L,
        0x3fe0da8b26b5672eL, 0xbc8a58def0bee909L, 0x3feb33bba89c8948L, 0x3c8ea6a51d1f6ca9L,
        0x3fe110d0c4b69c3bL, 0x3c8d918998809981L, 0x3feb11d04162a4c6L, 0x3c71dd561efbc0c2L,
        0x3fe146d21f8b7f82L, 0x3c7bf9535e2739a8L, 0x3feaef78930bd275L, 0xbc7f836279746f94L,
        0x3fe17c8e5f2eedb0L, 0x3c635e57102e2488L, 0x3feaccb526f69de5L, 0x3c88fb6a8dd6b6ccL,
        0x3fe1b204acb02fddL, 0xbc5f190c70cbb5ffL, 0x3feaa98688308913L, 0xbc0b83d607cd5070L,
        0x3fe1e7343236574cL, 0x3c722a3fa4f41d5aL, 0x3fea85ed4373e02dL, 0x3c69be06385ec792L,
        0x3fe21c1c1b0394cfL, 0x3c5e5b324b23aa31L, 0x3fea61e9e72586afL, 0x3c858330e2fd453fL,
        0x3fe250bb93788bbbL, 0x3c7ea3d02457bcceL, 0x3fea3d7d0352bdcfL, 0xbc868dbaeca19669L,
        0x3fe28511c917a067L, 0xbc801df1d9a16b70L, 0x3fea18a729aee445L, 0x3c395e25736c0358L,
        0x3fe2b91dea88421eL, 0xbc8fa371db216ab0L, 0x3fe9f368ed912f85L, 0xbc81d200c5791606L,
        0x3fe2ecdf279a3082L, 0x3c8d3557e0e7e37eL, 0x3fe9cdc2e3f25e5cL, 0x3c83f99112993f62L,
        0x3fe32054b148bc4fL, 0x3c8f6b42095a135bL, 0x3fe9a7b5a36a6514L, 0x3c8722cfcc9fa7a9L,
        0x3fe3537db9be0367L, 0x3c6b327e7af040f0L, 0x3fe98141c42e1310L, 0x3c8d1ff80488f08dL,
        0x3fe386597456282bL, 0xbc710fada93b07a8L, 0x3fe95a67e00cb1fdL, 0xbc80befda21f862dL,
        0x3fe3b8e715a2840aL, 0xbc797653a7d2f07bL, 0x3fe93328926d9e92L, 0xbc8bb77003600cdaL,
        0x3fe3eb25d36cd53aL, 0xbc5be570e1570fc0L, 0x3fe90b84784ddaf7L, 0xbc70feb10ab93b87L,
        0x3fe41d14e4ba6790L, 0x3c84608fd287ecf5L, 0x3fe8e37c303d9ad1L, 0xbc6463a4b53d4bf8L,
        0x3fe44eb381cf386bL, 0xbc83ed6c1e6a5505L, 0x3fe8bb105a5dc900L, 0x3c8863e03e9474c1L,
        0x3fe48000e431159fL, 0xbc8b194a7463ed10L, 0x3fe89241985d871fL, 0x3c8c48d9c413ed84L,
        0x3fe4b0fc46aab761L, 0x3c20da05738cc59aL, 0x3fe869108d77a6c6L, 0x3c7338ffe2bfe9ddL,
        0x3fe4e1a4e54ed51bL, 0xbc8a492f89b7c76aL, 0x3fe83f7dde701ca0L, 0xbc4152cf609bc6e8L,
        0x3fe511f9fd7b351cL, 0xbc85c0e861c48831L, 0x3fe8158a31916d5dL, 0xbc6de8b90b8228deL,
        0x3fe541facddbb724L, 0x3c7232c28520d391L, 0x3fe7eb362eaa1488L, 0x3c5a1d65a4a5959fL,
        0x3fe571a6966d59b3L, 0x3c5c843b4d0fb198L, 0x3fe7c0827f09e54fL, 0xbc6c73d6d72aee68L,
        0x3fe5a0fc98813a12L, 0xbc8d82e2b7d4227bL, 0x3fe7956fcd7f6543L, 0xbc8ab276e9d45ae4L,
        0x3fe5cffc16bf8f0dL, 0x3c896cb370eb578aL, 0x3fe769fec655211fL, 0xbc6827d5cf8c68c5L,
        0x3fe5fea4552a9e57L, 0x3c80b6cef7ee20b7L, 0x3fe73e30174efba1L, 0xbc65d3ae3d94ad5fL,
        0x3fe62cf49921ac79L, 0xbc8edd9855b6241aL, 0x3fe712046fa77678L, 0x3c8425b0a5029c81L,
        0x3fe65aec2963e755L, 0x3c8126f96b71053cL, 0x3fe6e57c800cf55eL, 0x3c860286dedbd0a6L,
        0x3fe6888a4e134b2fL, 0xbc86b7d37644d5e6L, 0x3fe6b898fa9efb5dL, 0x3c715ac786ccf4b2L,
        0x3fe6b5ce50b7821aL, 0xbc65d5158f702e0fL, 0x3fe68b5a92eb6253L, 0xbc89a91ad985f89cL,
        0x3fe6e2b77c40bde1L, 0xbc70e729857fad53L, 0x3fe65dc1fdeb8cbaL, 0xbc597c1b47337c77L,
        0x3fe70f451d0a8c40L, 0x3c697ede3885770dL, 0x3fe62fcff20191c7L, 0x3c6d9143895756efL,
        0x3fe73b7680dea578L, 0xbc72248306dc12a2L, 0x3fe6018526f563dfL, 0x3c846ca5e0e432d0L,
        0x3fe7674af6f7b524L, 0x3c7e9d3f94ac84a8L, 0x3fe5d2e255f1f17aL, 0x3c80314104c8892bL,
        0x3fe792c1d0041d52L, 0xbc8abf05eeb354ebL, 0x3fe5a3e839824077L, 0x3c8428aa2759be62L,
        0x3fe7bdda5e28b3c2L, 0x3c4ad1197ccd0393L, 0x3fe574978d8e83f2L, 0x3c8f4714af282d23L,
        0x3fe7e893f5037959L, 0x3c80eefbaa650c4cL, 0x3fe544f10f592ca5L, 0xbc8e7ae8e6c7a62fL,
        0x3fe812ede9ae4ba4L, 0xbc87830adf402ddaL, 0x3fe514f57d7bf3daL, 0x3c747a108073c259L,
    };

    private static final double[] TABLE = new double[SINCOS_TABLE_BITS.length];

    static {
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = Double.longBitsToDouble(SINCOS_TABLE_BITS[i]);
        }
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static final double SN3 = d(0xbfc5555555555515L);
    private static final double SN5 = d(0x3f811110e829872fL);
    private static final double CS2 = d(0x3fe0000000000000L);
    private static final double CS4 = d(0xbfa5555555555535L);
    private static final double CS6 = d(0x3f56c16bedd9e239L);
    private static final double S1 = d(0xbfc5555555555555L);
    private static final double S2 = d(0x3f81111111110eceL);
    private static final double S3 = d(0xbf2a01a019db08b8L);
    private static final double S4 = d(0x3ec71de27b9a7ed9L);
    private static final double S5 = d(0xbe5addffc2fcdf59L);
    /** 1.5 * 2^45: adding it rounds |x| to a multiple of 1/128, whose low bits index the table. */
    private static final double BIG = d(0x42c8000000000000L);
    private static final double HP0 = d(0x3ff921fb54442d18L);
    private static final double HP1 = d(0x3c91a62633145c07L);
    private static final double TAYLOR_LIMIT = d(0x3fc020c49ba5e354L);
    private static final double TOINT = d(0x4338000000000000L);
    private static final double HPINV = d(0x3fe45f306dc9c883L);
    private static final double MP1 = d(0x3ff921fb58000000L);
    private static final double MP2 = d(0xbe4dde973c000000L);
    private static final double PP3 = d(0xbc8cb3b398000000L);
    private static final double PP4 = d(0xbacd747f23e32ed7L);

    /** glibc's {@code cos(x)}, bit for bit, for |x| &lt; 105414350. */
    static double cos(double x) {
        int k = highWord(x) & 0x7fffffff;
        if (k < 0x3e400000) {
            return Double.isNaN(x) ? x : 1.0;
        } else if (k < 0x3feb6000) {
            return doCos(x, 0.0);
        } else if (k < 0x400368fd) {
            double y = HP0 - Math.abs(x);
            double a = y + HP1;
            double da = (y - a) + HP1;
            return doSin(a, da);
        } else if (k < 0x419921fb) {
            double[] ada = new double[2];
            int n = reduce(x, ada);
            return doSinCos(ada[0], ada[1], n + 1);
        }
        return outOfRange(x);
    }

    /** glibc's {@code sin(x)}, bit for bit, for |x| &lt; 105414350. */
    static double sin(double x) {
        int k = highWord(x) & 0x7fffffff;
        if (k < 0x3e500000) {
            return x;
        } else if (k < 0x3feb6000) {
            return doSin(x, 0.0);
        } else if (k < 0x400368fd) {
            double t = HP0 - Math.abs(x);
            return Math.copySign(doCos(t, HP1), x);
        } else if (k < 0x419921fb) {
            double[] ada = new double[2];
            int n = reduce(x, ada);
            return doSinCos(ada[0], ada[1], n);
        }
        return outOfRange(x);
    }

    private static double outOfRange(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.NaN;
        }
        throw new IllegalArgumentException("the glibc sin/cos port covers |x| < 105414350, but x was " + x);
    }

    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >> 32);
    }

    private static int tableIndex(double u) {
        return ((int) Double.doubleToRawLongBits(u)) << 2;
    }

    private static double doCos(double x, double dx) {
        if (x < 0) {
            dx = -dx;
        }
        double u = BIG + Math.abs(x);
        x = Math.abs(x) - (u - BIG) + dx;
        double xx = x * x;
        double s = Math.fma(x * xx, Math.fma(xx, SN5, SN3), x);
        double c = xx * Math.fma(xx, Math.fma(xx, CS6, CS4), CS2);
        int k = tableIndex(u);
        double sn = TABLE[k];
        double ssn = TABLE[k + 1];
        double cs = TABLE[k + 2];
        double ccs = TABLE[k + 3];
        double cor = Math.fma(-sn, s, Math.fma(-c, cs, Math.fma(-s, ssn, ccs)));
        return cs + cor;
    }

    private static double doSin(double x, double dx) {
        double xold = x;
        if (Math.abs(x) < TAYLOR_LIMIT) {
            return taylorSin(x * x, x, dx);
        }
        if (x <= 0) {
            dx = -dx;
        }
        double u = BIG + Math.abs(x);
        x = Math.abs(x) - (u - BIG);
        double xx = x * x;
        double s = x + Math.fma(x * xx, Math.fma(xx, SN5, SN3), dx);
        double c = Math.fma(x, dx, xx * Math.fma(xx, Math.fma(xx, CS6, CS4), CS2));
        int k = tableIndex(u);
        double sn = TABLE[k];
        double ssn = TABLE[k + 1];
        double cs = TABLE[k + 2];
        double ccs = TABLE[k + 3];
        double cor = Math.fma(s, cs, Math.fma(-c, sn, Math.fma(s, ccs, ssn)));
        return Math.copySign(sn + cor, xold);
    }

    private static double taylorSin(double xx, double a, double da) {
        double poly = Math.fma(Math.fma(Math.fma(Math.fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
        double t = Math.fma(xx, Math.fma(poly, a, -(0.5 * da)), da);
        return a + t;
    }

    /** Reduces x by multiples of pi/2: stores the high and low part of the remainder, returns the quadrant. */
    private static int reduce(double x, double[] ada) {
        double t = Math.fma(x, HPINV, TOINT);
        double xn = t - TOINT;
        int n = (int) Double.doubleToRawLongBits(t) & 3;
        double y = Math.fma(-xn, MP2, Math.fma(-xn, MP1, x));
        double t2 = Math.fma(-xn, PP3, y);
        double db = Math.fma(-xn, PP3, y - t2);
        double b = Math.fma(-xn, PP4, t2);
        db += Math.fma(-xn, PP4, t2 - b);
        ada[0] = b;
        ada[1] = db;
        return n;
    }

    private static double doSinCos(double a, double da, int n) {
        double value = (n & 1) != 0 ? doCos(a, da) : doSin(a, da);
        return (n & 2) != 0 ? -value : value;
    }
}
