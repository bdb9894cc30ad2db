// @chainops/aws-stack: the production AWS topology (../shared/seeds/000, "サーバ構成") as CDK constructs.
export {}
